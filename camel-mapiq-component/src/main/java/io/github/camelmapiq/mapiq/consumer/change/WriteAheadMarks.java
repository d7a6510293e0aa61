package io.github.camelmapiq.mapiq.consumer.change;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.consumer.state.RecordFingerprint;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

/**
 * The write-ahead mark: before a poll delivers the {@code CREATED} of a record its store does not hold, the store holds
 * a mark for it, written durably for a whole page at once. A mark reads back as a stored record whose fingerprint is
 * {@link #FINGERPRINT} (no record's fingerprint is, {@link StoredRecord#isMark}), with the record's day and, with
 * {@code deletedRecordBodies}, its packed body. Should the process die after the delivery but before the poll's state
 * write, the restarted consumer finds the mark: a record still listed is delivered as {@code CREATED} again, one that is
 * gone gets its {@code DELETED}. So a kill loses no deletion; a record marked but never delivered (a kill in between)
 * may get a {@code DELETED} its {@code CREATED} never preceded.
 * <p>
 * A store that {@linkplain SnapshotStore#confirmsMarks confirms marks} (the JDBC store) is given each mark with the
 * state its record has once delivered, and the poll's write confirms them all at once: a delivered record whose mark
 * holds that state is not written again, a marked record not delivered is removed. So a first poll writes each record
 * once. Another store gets the mark fingerprint, and the poll's write puts each delivered record over its mark.
 * <p>
 * {@link #mark} is called from the poll's thread, {@link #delivered} from the exchanges' threads.
 */
final class WriteAheadMarks {

    /** The fingerprint a mark reads back with. */
    static final RecordFingerprint FINGERPRINT = new RecordFingerprint(0, 0);

    private final MapiqResource resource;
    private final SnapshotStore store;
    private final String key;
    private final boolean keepBodies;
    private final boolean marking;
    private final boolean withState;
    /**
     * Ids marked by this consumer and not written over since, with the fingerprint each mark holds: until delivered or,
     * when the store confirms marks, until the next write succeeds.
     */
    private final Map<String, RecordFingerprint> marked = new ConcurrentHashMap<>();

    /** @param marking whether records are marked at all: not when the state lives in a {@code stateRepository} */
    WriteAheadMarks(MapiqResource resource, SnapshotStore store, String key, boolean keepBodies, boolean marking) {
        this.resource = resource;
        this.store = store;
        this.key = key;
        this.keepBodies = keepBodies;
        this.marking = marking;
        this.withState = marking && store.confirmsMarks();
    }

    static boolean isMark(long fingerprintHigh, long fingerprintLow) {
        return fingerprintHigh == FINGERPRINT.high() && fingerprintLow == FINGERPRINT.low();
    }

    /**
     * The consumer starts: marks an earlier run left unconfirmed (killed before its write) stay marks for good, and
     * this run's pending marks, if any, are written over like any other.
     */
    void settle() throws Exception {
        if (withState) {
            store.settlePendingMarks(key);
        }
        marked.clear();
    }

    /**
     * Marks, in one write, the records of {@code page} that {@code stored} does not know, at most {@code room} of
     * them (the changes the poll may still deliver), skipping those marked before.
     */
    void mark(List<ListedRecord> page, Predicate<String> stored, long room) throws Exception {
        if (!marking) {
            return;
        }
        List<StoredRecord> marks = new ArrayList<>();
        List<RecordFingerprint> fingerprints = new ArrayList<>();
        for (ListedRecord record : page) {
            if (marks.size() >= room) {
                break;
            }
            String id = record.key(RecordKeys.ID);
            if (id == null || id.isEmpty() || stored.test(id) || marked.containsKey(id)) {
                continue; // a record without id fails when it is found, as without marks
            }
            RecordFingerprint fingerprint = withState
                    ? RecordFingerprint.of(record.page(), record.offset(), record.length()) : FINGERPRINT;
            SnapshotIndex.Entry entry = StateEntries.of(resource, record, fingerprint, keepBodies);
            marks.add(new StoredRecord(id, fingerprint.high(), fingerprint.low(), entry.day(), entry.packedBody()));
            fingerprints.add(fingerprint);
        }
        if (!marks.isEmpty()) {
            store.insert(key, marks);
            for (int i = 0; i < marks.size(); i++) {
                marked.put(marks.get(i).id(), fingerprints.get(i));
            }
        }
    }

    /** {@code id}'s change was delivered: without confirmed marks, the poll's write replaces its mark. */
    void delivered(String id) {
        if (!withState) {
            marked.remove(id);
        }
    }

    /** Whether the store's next write must confirm marks even with nothing else to write. */
    boolean pending() {
        return withState && !marked.isEmpty();
    }

    /** Whether the store holds {@code entry} for {@code id} already, as a mark its next write confirms. */
    boolean holds(String id, SnapshotIndex.Entry entry) {
        RecordFingerprint fingerprint = withState ? marked.get(id) : null;
        return fingerprint != null && fingerprint.high() == entry.fingerprintHigh()
               && fingerprint.low() == entry.fingerprintLow();
    }

    /** The marked ids for which {@code delivered} has no change: the write removes their marks. */
    List<String> undelivered(Predicate<String> delivered) {
        List<String> ids = new ArrayList<>();
        if (withState) {
            marked.keySet().forEach(id -> {
                if (!delivered.test(id)) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    /** The store's write succeeded: it confirmed every pending mark. */
    void written() {
        if (withState) {
            marked.clear();
        }
    }
}
