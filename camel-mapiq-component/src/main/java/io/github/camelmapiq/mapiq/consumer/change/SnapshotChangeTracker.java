package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.client.query.DateWindow;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import io.github.camelmapiq.mapiq.consumer.state.IndexedSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.RecordFingerprint;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;
import org.apache.camel.RuntimeCamelException;

import static io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex.REMOVED;

/**
 * {@code changesOnly} for resources Mapiq answers as a snapshot (everything but check-in events), against any
 * {@link SnapshotStore}: each poll lists the whole snapshot (or the current date window) and compares each record, as
 * it is read, with what was delivered before.
 * <p>
 * Per record the state keeps its id, a 128-bit {@linkplain RecordFingerprint fingerprint} of its bytes and the date
 * placing it in a window; with {@code deletedRecordBodies}, also its last body {@linkplain PackedJson packed}. Each page
 * is looked up in one batch ({@link SnapshotStore#find}; its new records then marked, {@link WriteAheadMarks}, when the
 * state lives in a store), each record compared with its stored fingerprint and delivered as soon as it is read. The
 * listed ids ({@link ListedIds}) make a record listed twice come once and, after a complete listing, one
 * {@linkplain SnapshotStore#scan scan} finds the stored records not listed: DELETED inside the window (or without a
 * day), bodies read in batches; forgotten outside it. A poll holds one page's stored records, the listed ids, the
 * records found gone, and the delivered changes until they are written in one step at its end (kept should that fail).
 * <p>
 * A store that looks records up where it keeps them (the JDBC store) leaves no record in the heap between polls; the
 * others, and a {@code stateRepository}, are held in an index in the heap by an {@link IndexedSnapshotStore}.
 */
final class SnapshotChangeTracker implements ChangeTracker {

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
    /** The stored records of the page held in the heap for the poll (none when looked up in an index). */
    private volatile int pageHeld;
    /** Those of the page readied ahead of it ({@link #prepare}), until it is delivered. */
    private volatile int aheadHeld;
    private volatile List<StoredRecord> gone = List.of();
    private volatile List<String> forgotten = List.of();
    private DateWindow window;
    private volatile boolean deferred;
    /** The store held nothing under the key when the poll began: its lookups and scan are left out. */
    private volatile boolean emptyAtStart;
    /** The records stored, counted when asked for after each write; {@code -1} until then. */
    private volatile long storedRecords = -1;
    /** Set when a poll opens, before any page is readied; read by the thread readying a page ahead. */
    private volatile PollBudget budget = new PollBudget(0);

    /** @param marking whether new records are marked before delivery (the state lives in a store) */
    SnapshotChangeTracker(MapiqResource resource, SnapshotStore store, String key, boolean deletedRecordBodies,
                          boolean marking) {
        this.resource = resource;
        this.store = store;
        this.key = key;
        this.keepBodies = deletedRecordBodies;
        this.unwritten = new PendingWrites(deletedRecordBodies);
        this.marks = new WriteAheadMarks(resource, store, key, deletedRecordBodies, marking);
    }

    /** Opens the state in the store (reads it, if held in the heap); marks left unconfirmed are settled. */
    @Override
    public void load() throws Exception {
        store.open(key);
        marks.settle();
    }

    @Override
    public void startOver() throws Exception {
        store.startOver(key);
        synchronized (unwritten) {
            unwritten.clear();
        }
        load();
    }

    @Override
    public Listing open(ListQuery query, MapiqHttpClient client, Clock clock, Executor prefetch, int max) {
        budget = new PollBudget(max);
        deferred = false;
        listed = store instanceof IndexedSnapshotStore indexed ? new ListedIds(indexed) : new ListedIds();
        forgotten = List.of();
        gone = List.of();
        try {
            store.pollBegins(key);
            emptyAtStart = !store.holdsAny(key);
        } catch (Exception e) {
            throw new RuntimeCamelException("Cannot reach the consumer state under " + store.describe(key), e);
        }
        DateWindow listedWindow = query.isDateBounded() ? query.window(clock) : null;
        Listing listing = query.open(client, listedWindow, prefetch, RecordKeys.fields(resource));
        window = listedWindow;
        return listing;
    }

    /** Looks the page up (unless the store held nothing) and marks its new records; see {@link ChangeTracker}. */
    @Override
    public PreparedPage prepare(List<ListedRecord> records) throws Exception {
        List<String> ids = new ArrayList<>(records.size());
        for (ListedRecord record : records) {
            String id = record.key(RecordKeys.ID);
            if (id != null && !id.isEmpty()) { // a record without id fails in found()
                ids.add(id);
            }
        }
        Map<String, StoredRecord> found = emptyAtStart ? Map.of() : store.find(key, ids, false);
        if (!(store instanceof IndexedSnapshotStore)) {
            aheadHeld = found.size();
        }
        // the page's new records are marked in the store before any of them is delivered (WriteAheadMarks)
        marks.mark(records, id -> found.containsKey(id) || pending(id) != null, budget.room());
        return new PreparedPage(records, found);
    }

    /** Two: a page's lookup and marks take round trips to the store, which the parsing of the next need not wait for. */
    @Override
    public int pagesAhead() {
        return budget.limited() ? 0 : 2;
    }

    @Override
    public void pageArrived(PreparedPage prepared) {
        page = prepared.stored();
        pageHeld = store instanceof IndexedSnapshotStore ? 0 : prepared.stored().size();
        aheadHeld = 0;
    }

    @Override
    public Change found(ListedRecord record) {
        String id = RecordKeys.idOf(resource, record);
        if (!listed.add(id)) {
            return null; // listed twice in one poll
        }
        RecordFingerprint fingerprint = RecordFingerprint.of(record.page(), record.offset(), record.length());
        // what the state holds of the record: a change not written yet (after a failed write), else the store's
        SnapshotIndex.Entry pending = pending(id);
        StoredRecord stored = pending != null ? null : page.get(id);
        boolean held = pending != null ? pending != REMOVED : stored != null;
        long high = pending != null ? pending.fingerprintHigh() : held ? stored.fingerprintHigh() : 0;
        long low = pending != null ? pending.fingerprintLow() : held ? stored.fingerprintLow() : 0;
        if (held && high == fingerprint.high() && low == fingerprint.low()) {
            return null;
        }
        if (budget.spent()) {
            deferred = true;
            return null;
        }
        budget.spend();
        SnapshotIndex.Entry now = StateEntries.of(resource, record, fingerprint, keepBodies);
        boolean created = !held || StoredRecord.isMark(high, low);
        return new Change(id, created ? MapiqChangeType.CREATED : MapiqChangeType.UPDATED, record, now, null);
    }

    /** The change delivered for {@code id} and not written yet, {@code REMOVED}, or {@code null}. */
    private SnapshotIndex.Entry pending(String id) {
        synchronized (unwritten) {
            return unwritten.get(id);
        }
    }

    @Override
    public boolean wantsMore() {
        return !deferred;
    }

    @Override
    public Iterator<Change> afterCompleteListing() throws Exception {
        page = Map.of();
        pageHeld = 0;
        aheadHeld = 0;
        ListedIds seen = listed;
        // with maxMessagesPerPoll one record more than can be sent shows that some are deferred
        long room = budget.limited() ? budget.room() + 1 : Long.MAX_VALUE;
        GoneRecords found = GoneRecords.find(emptyAtStart ? null : store, key, seen, window, unwritten, room);
        gone = found.deleted;
        forgotten = found.outOfWindow;
        return new Deletions(found.deleted, store, key, keepBodies, budget, () -> deferred = true);
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
                pageHeld = 0;
                aheadHeld = 0;
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
        long held = store instanceof IndexedSnapshotStore indexed ? indexed.size() : 0;
        return held + unwritten.size() + pageHeld + aheadHeld + gone.size() + (ids == null ? 0 : ids.size());
    }
}
