package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
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
import io.github.camelmapiq.mapiq.consumer.state.PackedJson;
import io.github.camelmapiq.mapiq.consumer.state.RecordFingerprint;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndexStorage;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StateRepositorySlot;

import static io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex.REMOVED;

/**
 * {@code changesOnly} for resources Mapiq answers as a snapshot (everything but check-in events): each poll lists the
 * whole snapshot (or the current date window) and compares each record, as it is read, with what was delivered before.
 * <p>
 * Per record the state keeps its id, a 128-bit {@linkplain RecordFingerprint fingerprint} of its bytes, and the date
 * placing it in a window ({@link SnapshotIndex}); with {@code deletedRecordBodies}, also its last body
 * {@linkplain PackedJson packed}. A new or changed record is delivered as soon as it is read. Only once the listing is
 * complete, a record inside the current window that is no longer listed is DELETED (a listing that breaks off never
 * yields deletions); one whose date left the window (the window moves with {@code today}) is forgotten without an
 * exchange.
 * <p>
 * {@link SnapshotIndexStorage} loads and stores the state: as a base plus the changes since that base, or with a
 * {@link SnapshotStore} (options {@code snapshotStore}, {@code stateFile}, {@code stateDataSource}) exactly the records
 * each poll changed, in one atomic step.
 */
final class SnapshotChangeTracker implements ChangeTracker {

    private final MapiqResource resource;
    private final SnapshotIndex known;
    private final SnapshotIndexStorage state;
    /** With a record store: the write-ahead marks of new records; else {@code null}. */
    private final WriteAheadMarks marks;
    private int generation;
    private DateWindow window;
    private boolean dirty;
    private boolean deferred;
    private PollBudget budget = new PollBudget(0);

    SnapshotChangeTracker(MapiqResource resource, StateRepositorySlot store, boolean deletedRecordBodies) {
        this(resource, store, null, null, deletedRecordBodies);
    }

    SnapshotChangeTracker(MapiqResource resource, StateRepositorySlot store, SnapshotStore recordStore, String recordKey,
                          boolean deletedRecordBodies) {
        this.resource = resource;
        this.known = new SnapshotIndex(deletedRecordBodies);
        this.state = new SnapshotIndexStorage(known, store, recordStore, recordKey);
        this.marks = recordStore == null ? null
                : new WriteAheadMarks(resource, recordStore, recordKey, deletedRecordBodies);
    }

    @Override
    public synchronized void load() throws Exception {
        state.load();
    }

    @Override
    public synchronized void startOver() throws Exception {
        state.startOver();
        load();
    }

    @Override
    public synchronized Listing open(ListQuery query, MapiqHttpClient client, Clock clock, Executor prefetch,
                                     int max) {
        generation++;
        budget = new PollBudget(max);
        deferred = false;
        DateWindow listed = query.isDateBounded() ? query.window(clock) : null;
        Listing listing = query.open(client, listed, prefetch, RecordKeys.fields(resource));
        window = listed;
        return listing;
    }

    /** Marks the page's new records in the store before any of them is delivered ({@link WriteAheadMarks}). */
    @Override
    public synchronized void pageArrived(List<ListedRecord> page) throws Exception {
        if (marks != null) {
            marks.mark(page, id -> known.find(id) >= 0, budget.room());
        }
    }

    @Override
    public synchronized Change found(ListedRecord record) {
        String id = RecordKeys.idOf(resource, record);
        int slot = known.find(id);
        RecordFingerprint fingerprint = RecordFingerprint.of(record.page(), record.offset(), record.length());
        MapiqChangeType type;
        if (slot >= 0) {
            if (known.seen(slot) == generation) {
                return null; // listed twice in one poll
            }
            if (known.hasFingerprint(slot, fingerprint.high(), fingerprint.low())) {
                known.markSeen(slot, generation);
                return null;
            }
            // a record marked before a delivery whose state write was lost: its CREATED comes again
            type = known.hasFingerprint(slot, WriteAheadMarks.FINGERPRINT.high(), WriteAheadMarks.FINGERPRINT.low())
                    ? MapiqChangeType.CREATED
                    : MapiqChangeType.UPDATED;
        } else {
            type = MapiqChangeType.CREATED;
        }
        if (budget.spent()) {
            deferred = true;
            return null;
        }
        budget.spend();
        SnapshotIndex.Entry now = entry(resource, record, fingerprint, known.keepsBodies());
        if (slot >= 0) {
            known.markSeen(slot, generation);
        } else {
            known.putPending(id, now, generation);
        }
        return new Change(id, type, record, now, null);
    }

    /** What the state keeps of a listed record once it is delivered. */
    static SnapshotIndex.Entry entry(MapiqResource resource, ListedRecord record, RecordFingerprint fingerprint,
                                     boolean keepBody) {
        LocalDate day = RecordKeys.dayOf(resource, record);
        return new SnapshotIndex.Entry(fingerprint.high(), fingerprint.low(),
                day == null ? SnapshotIndex.NO_DAY : (int) day.toEpochDay(),
                keepBody ? PackedJson.pack(record.page(), record.offset(), record.length()) : null);
    }

    @Override
    public synchronized boolean wantsMore() {
        return !deferred;
    }

    @Override
    public synchronized Iterator<Change> afterCompleteListing() {
        return new Iterator<>() {
            private int slot = nextGone(-1);

            @Override
            public boolean hasNext() {
                synchronized (SnapshotChangeTracker.this) {
                    if (slot >= 0 && budget.spent()) {
                        deferred = true;
                        slot = -1;
                    }
                    return slot >= 0;
                }
            }

            @Override
            public Change next() {
                synchronized (SnapshotChangeTracker.this) {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Change change = new Change(known.id(slot), MapiqChangeType.DELETED, null, known.entry(slot), null);
                    budget.spend();
                    slot = nextGone(slot);
                    return change;
                }
            }
        };
    }

    /** The next stored record after {@code slot} that this complete listing did not list although in its window. */
    private int nextGone(int slot) {
        int next = slot;
        do {
            next = known.nextStored(next);
        } while (next >= 0 && (known.seen(next) == generation || !insideWindow(known.day(next))));
        return next;
    }

    /** Records whose date is unknown count as inside, so that a deletion is never missed. */
    private boolean insideWindow(int day) {
        return window == null || day == SnapshotIndex.NO_DAY || window.contains(LocalDate.ofEpochDay(day));
    }

    @Override
    public synchronized boolean deferredChanges() {
        return deferred;
    }

    @Override
    public synchronized void delivered(Change change) {
        if (marks != null) {
            marks.delivered(change.id());
        }
        if (change.type() == MapiqChangeType.DELETED) {
            known.remove(change.id());
            state.changed(change.id(), REMOVED);
        } else {
            known.put(change.id(), change.entry(), generation);
            state.changed(change.id(), change.entry());
        }
        dirty = true;
    }

    @Override
    public synchronized void notDelivered(Change change) {
        // the state keeps the previous version, so the next poll finds the same change again
        if (change.type() == MapiqChangeType.CREATED) {
            int slot = known.find(change.id());
            if (slot >= 0 && known.isPending(slot)) {
                known.remove(change.id());
            }
        }
    }

    @Override
    public synchronized long recordsInMemory() {
        return known.size();
    }

    @Override
    public synchronized long stateSize() {
        return known.size();
    }

    @Override
    public synchronized void pollFinished() throws Exception {
        if (window != null) {
            int before = known.size();
            Map<String, SnapshotIndex.Entry> forgotten = new HashMap<>();
            known.removeIf(slot -> {
                boolean out = known.seen(slot) != generation && !insideWindow(known.day(slot));
                if (out && state.storesEachChange()) {
                    forgotten.put(known.id(slot), REMOVED);
                }
                return out; // left the window: not deleted, just out of sight
            });
            forgotten.forEach(state::changed);
            dirty |= known.size() != before;
        }
        if (!dirty) {
            return;
        }
        state.write();
        dirty = false;
    }
}
