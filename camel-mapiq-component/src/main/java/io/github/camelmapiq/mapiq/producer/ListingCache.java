package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

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

    private final Duration ttl;
    private final Clock clock;
    private final Loader loader;
    private Map<String, ObjectNode> records = new HashMap<>();
    private Instant loadedAt;

    ListingCache(Duration ttl, Clock clock, Loader loader) {
        this.ttl = ttl;
        this.clock = clock;
        this.loader = loader;
    }

    /** The record with {@code id}, or {@code null} when even a fresh listing does not have it. */
    synchronized ObjectNode find(String id) throws Exception {
        boolean fresh = false;
        if (expired()) {
            reload();
            fresh = true;
        }
        ObjectNode record = records.get(id);
        if (record == null && !fresh) {
            reload();
            record = records.get(id);
        }
        return record;
    }

    /** How many records the last listing had. */
    synchronized int size() {
        return records.size();
    }

    private boolean expired() {
        return loadedAt == null || ttl.isZero() || !clock.instant().isBefore(loadedAt.plus(ttl));
    }

    private void reload() throws Exception {
        records = loader.load();
        loadedAt = clock.instant();
    }
}
