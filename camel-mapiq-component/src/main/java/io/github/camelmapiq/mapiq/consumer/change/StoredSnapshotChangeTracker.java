package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.client.query.DateWindow;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import io.github.camelmapiq.mapiq.consumer.state.RecordFingerprint;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;
import org.apache.camel.RuntimeCamelException;

import static io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex.REMOVED;

/**
 * {@code changesOnly} on a snapshot resource with a {@link SnapshotStore} that {@linkplain SnapshotStore#supportsLookup
 * looks records up} (option {@code stateDataSource}, or such a {@code snapshotStore}): the same changes as
 * {@link SnapshotChangeTracker}, with no record kept in the heap between polls.
 * <p>
 * Each page is looked up in one batch (its new records then marked, {@link WriteAheadMarks}), each record compared
 * with its stored {@linkplain RecordFingerprint fingerprint} and delivered as soon as it is read. The listed ids
 * ({@link ListedIds}) make a record listed twice come once and, after a complete listing, one
 * {@linkplain SnapshotStore#scan scan} finds the stored records not listed: DELETED inside the window (or without a
 * day), bodies read in batches; forgotten outside it. A poll holds one page's stored records, the listed ids, the
 * records found gone, and the delivered changes until they are written in one step at its end (kept should that fail).
 */
final class StoredSnapshotChangeTracker implements ChangeTracker {

    /** Deleted records whose bodies are read from the store in one lookup. */
    private static final int BODY_BATCH = 500;

    private final MapiqResource resource;
    private final SnapshotStore store;
    private final String key;
    private final boolean keepBodies;
    /**
     * What delivered changes put or remove, not written yet (reported from the exchanges' threads); guarded by its own
     * monitor.
     */
    private final PendingWrites unwritten;
    private final WriteAheadMarks marks;
    private volatile ListedIds listed;
    private volatile Map<String, StoredRecord> page = Map.of();
    private volatile List<StoredRecord> gone = List.of();
    private volatile List<String> forgotten = List.of();
    private DateWindow window;
    private volatile boolean deferred;
    /** The store held nothing under the key when the poll began: its lookups and scan are left out. */
    private volatile boolean emptyAtStart;
    /** The records stored, counted when asked for after each write; {@code -1} until then. */
    private volatile long storedRecords = -1;
    private PollBudget budget = new PollBudget(0);

    StoredSnapshotChangeTracker(MapiqResource resource, SnapshotStore store, String key, boolean deletedRecordBodies) {
        this.resource = resource;
        this.store = store;
        this.key = key;
        this.keepBodies = deletedRecordBodies;
        this.unwritten = new PendingWrites(deletedRecordBodies);
        this.marks = new WriteAheadMarks(resource, store, key, deletedRecordBodies);
    }

    @Override // nothing to read at start (each poll looks up what it lists); marks left unconfirmed are settled
    public void load() throws Exception {
        marks.settle();
    }

    @Override
    public void startOver() throws Exception {
        store.startOver(key);
        marks.settle();
        synchronized (unwritten) {
            unwritten.clear();
        }
    }

    @Override
    public Listing open(ListQuery query, MapiqHttpClient client, Clock clock, Executor prefetch, int max) {
        budget = new PollBudget(max);
        deferred = false;
        listed = new ListedIds();
        forgotten = List.of();
        gone = List.of();
        try {
            store.pollBegins(key);
            emptyAtStart = !store.holdsAny(key);
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot reach the consumer state under " + store.describe(key), e);
        }
        window = query.isDateBounded() ? query.window(clock) : null;
        return query.open(client, window, prefetch, RecordKeys.fields(resource));
    }

    @Override
    public void pageArrived(List<ListedRecord> records) throws Exception {
        page = Map.of();
        List<String> ids = new ArrayList<>(records.size());
        for (ListedRecord record : records) {
            String id = record.key(RecordKeys.ID);
            if (id != null && !id.isEmpty()) { // a record without id fails in found(), as with the in-heap index
                ids.add(id);
            }
        }
        Map<String, StoredRecord> found = page = emptyAtStart ? Map.of() : store.find(key, ids, false);
        // the page's new records are marked in the store before any of them is delivered (WriteAheadMarks)
        marks.mark(records, id -> found.containsKey(id) || pending(id) != null,
                budget.room());
    }

    @Override
    public Change found(ListedRecord record) {
        String id = RecordKeys.idOf(resource, record);
        if (!listed.add(id)) {
            return null; // listed twice in one poll
        }
        RecordFingerprint fingerprint = RecordFingerprint.of(record.page(), record.offset(), record.length());
        SnapshotIndex.Entry stored = stored(id);
        if (stored != null && stored.fingerprintHigh() == fingerprint.high()
            && stored.fingerprintLow() == fingerprint.low()) {
            return null;
        }
        if (budget.spent()) {
            deferred = true;
            return null;
        }
        budget.spend();
        SnapshotIndex.Entry now = SnapshotChangeTracker.entry(resource, record, fingerprint, keepBodies);
        boolean created = stored == null || WriteAheadMarks.isMark(stored.fingerprintHigh(), stored.fingerprintLow());
        return new Change(id, created ? MapiqChangeType.CREATED : MapiqChangeType.UPDATED, record, now, null);
    }

    /** What the state holds of {@code id}: a change not written yet (after a failed write), else the store's. */
    private SnapshotIndex.Entry stored(String id) {
        SnapshotIndex.Entry pending = pending(id);
        if (pending != null) {
            return pending == REMOVED ? null : pending;
        }
        StoredRecord record = page.get(id);
        return record == null ? null : entry(record);
    }

    /** The change delivered for {@code id} and not written yet, {@code REMOVED}, or {@code null}. */
    private SnapshotIndex.Entry pending(String id) {
        synchronized (unwritten) {
            return unwritten.get(id);
        }
    }

    private static SnapshotIndex.Entry entry(StoredRecord record) {
        return new SnapshotIndex.Entry(record.fingerprintHigh(), record.fingerprintLow(), record.day(),
                record.packedBody());
    }

    @Override
    public boolean wantsMore() {
        return !deferred;
    }

    @Override
    public Iterator<Change> afterCompleteListing() throws Exception {
        page = Map.of();
        ListedIds seen = listed;
        // with maxMessagesPerPoll one record more than can be sent shows that some are deferred
        long room = budget.limited() ? budget.room() + 1 : Long.MAX_VALUE;
        GoneRecords found = GoneRecords.find(emptyAtStart ? null : store, key, seen, window, unwritten, room);
        gone = found.deleted;
        forgotten = found.outOfWindow;
        return new Deletions(found.deleted);
    }

    /** The DELETED changes of a complete listing, their bodies read from the store a batch at a time. */
    private final class Deletions implements Iterator<Change> {
        private final List<StoredRecord> records;
        private int next;
        private Map<String, StoredRecord> bodies = Map.of();
        /** The records before this index have their bodies in {@link #bodies} or looked up. */
        private int bodiesEnd;

        Deletions(List<StoredRecord> records) {
            this.records = records;
        }

        @Override
        public boolean hasNext() {
            if (next < records.size() && budget.spent()) {
                deferred = true;
                return false;
            }
            return next < records.size();
        }

        @Override
        public Change next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            StoredRecord record = records.get(next++);
            SnapshotIndex.Entry entry = entry(record);
            if (keepBodies && record.packedBody() == null) {
                if (next > bodiesEnd) {
                    bodies = bodiesFrom(next - 1);
                }
                StoredRecord withBody = bodies.get(record.id());
                entry = withBody == null ? entry : entry(withBody);
            }
            budget.spend();
            return new Change(record.id(), MapiqChangeType.DELETED, null, entry, null);
        }

        private Map<String, StoredRecord> bodiesFrom(int from) {
            List<String> ids = new ArrayList<>();
            for (bodiesEnd = from; bodiesEnd < records.size() && ids.size() < BODY_BATCH; bodiesEnd++) {
                ids.add(records.get(bodiesEnd).id());
            }
            try {
                return store.find(key, ids, true);
            } catch (Exception e) {
                throw new RuntimeCamelException("Cannot read the bodies of deleted records under "
                                                + store.describe(key), e);
            }
        }
    }

    @Override
    public boolean deferredChanges() {
        return deferred;
    }

    @Override
    public void delivered(Change change) {
        marks.delivered(change.id());
        synchronized (unwritten) {
            if (change.type() == MapiqChangeType.DELETED) {
                unwritten.remove(change.id());
            } else {
                unwritten.put(change.id(), change.entry());
            }
        }
    }

    @Override
    public void notDelivered(Change change) { // nothing stored for it (its mark is removed): the next poll finds it again
    }

    @Override
    public void pollFinished() throws Exception {
        try {
            synchronized (unwritten) {
                forgotten.forEach(unwritten::remove);
                forgotten = List.of();
                gone = List.of();
                listed = null;
                page = Map.of();
                unwritten.writeTo(store, key, marks);
                storedRecords = -1;
            }
        } finally {
            store.pollEnded(key);
        }
    }

    /** Counted in the store when asked for, at most once a poll; {@code -1} when the store cannot answer. */
    @Override
    public long stateSize() {
        try {
            long count = storedRecords;
            return count >= 0 ? count : (storedRecords = store.count(key));
        } catch (Exception unreadable) {
            return -1;
        }
    }

    /** Read without the monitor, for monitoring: a poll's figure may be a moment old. */
    @Override
    public long recordsInMemory() {
        ListedIds ids = listed;
        return unwritten.size() + page.size() + gone.size() + (ids == null ? 0 : ids.size());
    }
}
