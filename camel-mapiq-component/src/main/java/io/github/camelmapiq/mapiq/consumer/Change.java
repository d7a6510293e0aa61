package io.github.camelmapiq.mapiq.consumer;

import java.time.Instant;

import io.github.camelmapiq.mapiq.MapiqChangeType;

/**
 * One record a poll delivers, in the compact form it waits in until its exchange is created: its id, its body as
 * {@link RecordBody} bytes (for a deletion, the last body seen) and, with {@code changesOnly}, how it changed
 * ({@code null} otherwise), plus what its tracker needs once the exchange completed.
 *
 * @param id        the record's id ({@code null} only without {@code changesOnly}, for a record that has none)
 * @param known     snapshot change detection: what the state keeps of the record once delivered (for a deletion,
 *                  what it kept)
 * @param timestamp check-in events: the event's timestamp, which places the cursor
 */
record Change(String id, MapiqChangeType type, RecordBody body, SnapshotChangeTracker.Known known, Instant timestamp) {

    static Change of(String id, RecordBody body) {
        return new Change(id, null, body, null, null);
    }
}
