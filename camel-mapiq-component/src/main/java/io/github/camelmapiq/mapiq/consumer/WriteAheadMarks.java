package io.github.camelmapiq.mapiq.consumer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

/**
 * The write-ahead mark: before a poll delivers the {@code CREATED} of a record its store does not hold, the store holds
 * a mark for it, written durably for a whole page at once. A mark is a stored record whose fingerprint is
 * {@link #FINGERPRINT} (no record's fingerprint is), with the record's day and, with {@code deletedRecordBodies}, its
 * packed body. Should the process die after the delivery but before the poll's state write, the restarted consumer
 * finds the mark: a record still listed is delivered as {@code CREATED} again, one that is gone gets its
 * {@code DELETED}. So a kill loses no deletion; a record marked but never delivered (a kill in between, or
 * {@code maxMessagesPerPoll}) may get a {@code DELETED} its {@code CREATED} never preceded.
 * <p>
 * {@link #mark} is called from the poll's thread, {@link #delivered} from the exchanges' threads.
 */
final class WriteAheadMarks {

    /** The fingerprint of a mark. */
    static final RecordFingerprint FINGERPRINT = new RecordFingerprint(0, 0);

    private final MapiqResource resource;
    private final SnapshotStore store;
    private final String key;
    private final boolean keepBodies;
    /** Ids marked by this consumer and not delivered since. */
    private final Set<String> marked = ConcurrentHashMap.newKeySet();

    WriteAheadMarks(MapiqResource resource, SnapshotStore store, String key, boolean keepBodies) {
        this.resource = resource;
        this.store = store;
        this.key = key;
        this.keepBodies = keepBodies;
    }

    static boolean isMark(long fingerprintHigh, long fingerprintLow) {
        return fingerprintHigh == FINGERPRINT.high() && fingerprintLow == FINGERPRINT.low();
    }

    /**
     * Marks, in one write, the records of {@code page} that {@code stored} does not know, at most {@code room} of
     * them (the changes the poll may still deliver), skipping those marked before.
     */
    void mark(List<ListedRecord> page, Predicate<String> stored, long room) throws Exception {
        List<StoredRecord> marks = new ArrayList<>();
        for (ListedRecord record : page) {
            if (marks.size() >= room) {
                break;
            }
            String id = record.key(RecordKeys.ID);
            if (id == null || id.isEmpty() || stored.test(id) || marked.contains(id)) {
                continue; // a record without id fails when it is found, as without marks
            }
            LocalDate day = RecordKeys.dayOf(resource, record);
            marks.add(new StoredRecord(id, FINGERPRINT.high(), FINGERPRINT.low(),
                    day == null ? StoredRecord.NO_DAY : (int) day.toEpochDay(),
                    keepBodies ? PackedJson.pack(record.page(), record.offset(), record.length()) : null));
        }
        if (!marks.isEmpty()) {
            store.insert(key, marks);
            marks.forEach(mark -> marked.add(mark.id()));
        }
    }

    /** {@code id}'s change was delivered: the poll's write replaces its mark. */
    void delivered(String id) {
        marked.remove(id);
    }
}
