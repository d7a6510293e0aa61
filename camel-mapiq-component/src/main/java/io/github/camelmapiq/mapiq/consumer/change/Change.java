package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Instant;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;

/**
 * One record a poll delivers. It holds the listed record (a slice of its page) only until its exchange is made
 * ({@link #release}); what stays until the exchange completes is what the state needs.
 */
public final class Change {

    private final String id;
    private final MapiqChangeType type;
    private ListedRecord record;
    private final SnapshotIndex.Entry entry;
    private final Instant timestamp;

    /**
     * @param id        the record's id
     * @param type      how it changed with {@code changesOnly}, else {@code null}
     * @param record    the record as listed; {@code null} for a deletion
     * @param entry     snapshot change detection: what the state keeps of the record once delivered (for a deletion,
     *                  what it kept: its last body, if bodies are kept)
     * @param timestamp check-in events: the event's timestamp, which places the cursor
     */
    Change(String id, MapiqChangeType type, ListedRecord record, SnapshotIndex.Entry entry, Instant timestamp) {
        this.id = id;
        this.type = type;
        this.record = record;
        this.entry = entry;
        this.timestamp = timestamp;
    }

    public String id() {
        return id;
    }

    public MapiqChangeType type() {
        return type;
    }

    /** The record as listed, until {@link #release}. */
    public ListedRecord record() {
        return record;
    }

    public SnapshotIndex.Entry entry() {
        return entry;
    }

    public Instant timestamp() {
        return timestamp;
    }

    /** The body was made: let go of the page the record came in. */
    public void release() {
        record = null;
    }
}
