package io.github.camelmapiq.mapiq.consumer;

import io.github.camelmapiq.mapiq.client.http.Listing;

/** The listing of a consumer's poll in progress, which a stop of the consumer cuts short from another thread. */
final class PollInProgress {

    private volatile Listing listing;

    /** A poll opened {@code listing}; {@code stopping}: the consumer began to stop meanwhile, so it ends at once. */
    void began(Listing listing, boolean stopping) {
        this.listing = listing;
        if (stopping) {
            listing.abort();
        }
    }

    void ended() {
        listing = null;
    }

    /** Cuts the poll's reads off, if a poll is in progress: its listing then fails as aborted. */
    void abort() {
        Listing inProgress = listing;
        if (inProgress != null) {
            inProgress.abort();
        }
    }
}
