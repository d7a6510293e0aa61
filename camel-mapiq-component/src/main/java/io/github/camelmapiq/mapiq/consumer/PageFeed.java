package io.github.camelmapiq.mapiq.consumer;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.consumer.change.ChangeTracker;
import io.github.camelmapiq.mapiq.consumer.change.PreparedPage;

/**
 * The pages of one poll's listing, each {@linkplain ChangeTracker#prepare readied} by the tracker before any of its
 * records is delivered (looked up in the state, its new records marked there). When the tracker
 * {@linkplain ChangeTracker#pagesAhead reads ahead}, the next page is read (its records parsed, while the listing
 * fetches the one after it) and readied on the listing executor while the route works on the current one, so that
 * neither the parsing nor the state's round trips wait for the route. Two pages ahead, the next page is readied while
 * the one after it is read, so that the state's round trips do not wait for the parsing either. Pages are read one
 * after the other and readied one after the other; {@link #close} waits for what is in progress.
 * <p>
 * A failure of a page ahead, the listing's or the state's, is thrown when that page is asked for: the pages before it
 * are delivered first, as when pages are read one by one. A failure of the state counts as a failed state write
 * ({@link StateWriteFailures}).
 */
final class PageFeed implements AutoCloseable {

    /**
     * What reading, then readying, one page ended with: its records (readied: {@code page}), the end of the listing
     * (no records), or a failure (no records).
     */
    private record Read(List<ListedRecord> records, PreparedPage page, boolean listingComplete,
                        Exception listingFailure, Exception stateFailure) {
    }

    private final Listing listing;
    private final ChangeTracker tracker;
    private final Executor executor;
    private final StateWriteFailures writeFailures;
    /** The next page, being read and readied. */
    private CompletableFuture<Read> ready;
    /** Two pages ahead: the page after it, being read. */
    private CompletableFuture<Read> read;
    private boolean complete;

    PageFeed(Listing listing, ChangeTracker tracker, Executor executor, StateWriteFailures writeFailures) {
        this.listing = listing;
        this.tracker = tracker;
        this.executor = executor;
        this.writeFailures = writeFailures;
    }

    /** The records of the next page, readied and {@linkplain ChangeTracker#pageArrived arrived}; {@code null} at the end. */
    List<ListedRecord> next() throws Exception {
        Read page;
        if (ready != null) {
            CompletableFuture<Read> pending = ready;
            ready = null;
            page = pending.join(); // read() and prepare() hold their failures: only an Error completes it otherwise
        } else {
            page = prepare(read());
        }
        complete = page.listingComplete();
        if (page.listingFailure() != null) {
            throw page.listingFailure();
        }
        if (page.stateFailure() != null) {
            Exception e = page.stateFailure();
            writeFailures.failed(e);
            throw writeFailures.paused() ? writeFailures.stillFailing(e) : e;
        }
        if (page.page() == null) {
            return null;
        }
        tracker.pageArrived(page.page());
        int ahead = complete || executor == null ? 0 : tracker.pagesAhead();
        if (ahead > 0) {
            readAhead(ahead > 1);
        }
        return page.page().records();
    }

    /** Reads (unless read already) and readies the next page on the listing executor; and reads the one after it. */
    private void readAhead(boolean twoPages) {
        try {
            CompletableFuture<Read> next = read != null ? read : CompletableFuture.supplyAsync(this::read, executor);
            read = null;
            ready = next.thenApplyAsync(this::prepare, executor);
            if (twoPages) {
                read = next.thenApplyAsync(before -> before.records() != null && !before.listingComplete()
                        ? read() : new Read(null, null, before.listingComplete(), null, null), executor);
            }
        } catch (RejectedExecutionException stopping) {
            // the component is stopping: what was not scheduled is read when asked for, if at all
        }
    }

    /**
     * Whether the listing was read to its end and every page of it handed out: a page read ahead and not handed out
     * does not count.
     */
    boolean isComplete() {
        return complete;
    }

    private Read read() {
        try {
            List<ListedRecord> records = listing.nextPage();
            return new Read(records, null, listing.isComplete(), null, null);
        } catch (Exception e) {
            return new Read(null, null, false, e, null);
        }
    }

    private Read prepare(Read read) {
        if (read.records() == null) {
            return read;
        }
        try {
            return new Read(read.records(), tracker.prepare(read.records()), read.listingComplete(), null, null);
        } catch (Exception e) {
            return new Read(null, null, false, null, e);
        }
    }

    /**
     * Waits for the pages being read and readied ahead, if any, and drops them: their records are not delivered (the
     * new ones' marks are removed by the poll's write), and the listing may be closed.
     */
    @Override
    public void close() {
        for (CompletableFuture<?> pending : new CompletableFuture<?>[] { ready, read }) {
            if (pending != null) {
                pending.handle((page, error) -> null).join();
            }
        }
        ready = null;
        read = null;
    }
}
