package io.github.camelmapiq.mapiq.consumer.change;

import java.util.ArrayList;
import java.util.List;
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
 * holds that state is not written again. So a first poll writes each record once. Another store gets the mark
 * fingerprint, and the poll's write puts each delivered record over its mark. With either, the poll's write removes
 * the mark of a record whose exchange failed: it comes again as {@code CREATED}, and gets no {@code DELETED} if it is
 * deleted first.
 * <p>
 * {@link #mark} is called from the poll's thread, {@link #delivered} from the exchanges' threads.
 */
final class WriteAheadMarks {

    /** The fingerprint a mark reads back with ({@link StoredRecord#isMark}). */
    static final RecordFingerprint FINGERPRINT = new RecordFingerprint(0, 0);

    private final MapiqResource resource;
    private final SnapshotStore store;
    private final String key;
    private final boolean keepBodies;
    private final boolean marking;
    private final boolean withState;
    /**
     * Ids marked by this consumer and not written over since, with the fingerprint each mark holds: until delivered or,
     * when the store confirms marks, until the next write succeeds. Compact (about 45 bytes a mark, no body), as a
     * first poll marks every record; guarded by {@code this}.
     */
    private final SnapshotIndex marked = new SnapshotIndex(false);

    /** @param marking whether records are marked at all: not when the state lives in a {@code stateRepository} */
    WriteAheadMarks(MapiqResource resource, SnapshotStore store, String key, boolean keepBodies, boolean marking) {
        this.resource = resource;
        this.store = store;
        this.key = key;
        this.keepBodies = keepBodies;
        this.marking = marking;
        this.withState = marking && store.confirmsMarks();
    }

    /**
     * The consumer starts: marks an earlier run left unconfirmed (killed before its write) stay marks for good, and
     * this run's pending marks, if any, are written over like any other.
     */
    void settle() throws Exception {
        if (withState) {
            store.settlePendingMarks(key);
        }
        synchronized (this) {
            marked.clear();
        }
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
        for (ListedRecord record : page) {
            if (marks.size() >= room) {
                break;
            }
            String id = record.key(RecordKeys.ID);
            if (id == null || id.isEmpty() || stored.test(id) || isMarked(id)) {
                continue; // a record without id fails when it is found, as without marks
            }
            RecordFingerprint fingerprint = withState
                    ? RecordFingerprint.of(record.page(), record.offset(), record.length()) : FINGERPRINT;
            SnapshotIndex.Entry entry = StateEntries.of(resource, record, fingerprint, keepBodies);
            marks.add(new StoredRecord(id, fingerprint.high(), fingerprint.low(), entry.day(), entry.packedBody()));
        }
        if (!marks.isEmpty()) {
            store.insert(key, marks);
            synchronized (this) {
                for (StoredRecord mark : marks) {
                    marked.put(mark.id(), new SnapshotIndex.Entry(mark.fingerprintHigh(), mark.fingerprintLow(),
                            mark.day(), null));
                }
            }
        }
    }

    /** {@code id}'s change was delivered: without confirmed marks, the poll's write replaces its mark. */
    synchronized void delivered(String id) {
        if (!withState) {
            marked.remove(id);
        }
    }

    private synchronized boolean isMarked(String id) {
        return marked.find(id) >= 0;
    }

    /** Whether the store's next write must confirm or remove marks even with nothing else to write. */
    synchronized boolean pending() {
        return marked.size() > 0;
    }

    /** Whether the store holds {@code entry} for {@code id} already, as a mark its next write confirms. */
    synchronized boolean holds(String id, SnapshotIndex.Entry entry) {
        int slot = withState ? marked.find(id) : -1;
        SnapshotIndex.Entry mark = slot < 0 ? null : marked.entry(slot);
        return mark != null && mark.fingerprintHigh() == entry.fingerprintHigh()
               && mark.fingerprintLow() == entry.fingerprintLow();
    }

    /**
     * The marked ids for which {@code delivered} has no change (their exchange failed): the write removes their marks,
     * so that no {@code DELETED} follows a {@code CREATED} that never arrived.
     */
    synchronized List<String> undelivered(Predicate<String> delivered) {
        List<String> ids = new ArrayList<>();
        for (int slot = marked.nextStored(-1); slot >= 0; slot = marked.nextStored(slot)) {
            String id = marked.id(slot);
            if (!delivered.test(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** The store's write succeeded: it confirmed every pending mark, or wrote over it, or removed it. */
    synchronized void written() {
        marked.clear();
    }
}
