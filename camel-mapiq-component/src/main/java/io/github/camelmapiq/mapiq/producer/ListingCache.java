package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The whole listing of a reference resource (users, buildings or parking lots) indexed by id, kept for
 * {@code getCacheTtl}: Mapiq's contract has no get-by-id call, so one listing answers every get until it expires. An
 * id missing from a cached listing triggers one fresh listing before it is declared unknown, so a record created since
 * is still found. With a TTL of zero every get lists afresh.
 */
final class ListingCache {

    /** Loads the complete listing. */
    @FunctionalInterface
    interface Loader {
        Map<String, ObjectNode> load() throws Exception;
    }

    /** One listing and when it was taken, replaced whole so readers need no lock. */
    private record Listing(Map<String, ObjectNode> records, Instant loadedAt) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Loader loader;
    /** Held while listing (a network call): a lock, not a monitor, so a waiting virtual thread releases its carrier. */
    private final ReentrantLock loading = new ReentrantLock();
    private volatile Listing listing = new Listing(Map.of(), null);

    ListingCache(Duration ttl, Clock clock, Loader loader) {
        this.ttl = ttl;
        this.clock = clock;
        this.loader = loader;
    }

    /**
     * The record with {@code id}, or {@code null} when even a fresh listing does not have it. A get answered by the
     * current listing never waits, not even while another get lists afresh for an id it lacks.
     */
    ObjectNode find(String id) throws Exception {
        Listing seen = listing;
        boolean fresh = false;
        if (expired(seen)) {
            seen = reloadUnless(seen);
            fresh = true;
        }
        ObjectNode record = seen.records().get(id);
        if (record == null && !fresh) {
            seen = reloadUnless(seen);
            record = seen.records().get(id);
        }
        return record;
    }

    /** How many records the last listing had. */
    int size() {
        return listing.records().size();
    }

    private boolean expired(Listing l) {
        return l.loadedAt() == null || ttl.isZero() || !clock.instant().isBefore(l.loadedAt().plus(ttl));
    }

    /**
     * Lists afresh, unless another thread replaced {@code seen} while this one waited for the lock: then its newer
     * listing answers (with a TTL of zero every get lists for itself).
     */
    private Listing reloadUnless(Listing seen) throws Exception {
        loading.lockInterruptibly();
        try {
            Listing now = listing;
            if (now != seen && !ttl.isZero()) {
                return now;
            }
            Listing loaded = new Listing(loader.load(), clock.instant());
            listing = loaded;
            return loaded;
        } finally {
            loading.unlock();
        }
    }
}
