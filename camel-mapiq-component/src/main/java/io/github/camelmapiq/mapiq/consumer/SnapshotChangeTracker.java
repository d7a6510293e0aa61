package io.github.camelmapiq.mapiq.consumer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
import io.github.camelmapiq.mapiq.consumer.state.DamagedStateException;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

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
 * The state is stored as a base plus the changes since that base ({@link SnapshotStateCodec}): a poll that changed
 * little stores little, and the base is rewritten only when the changes grow past a fraction of it. With a
 * {@link SnapshotStore} (options {@code snapshotStore}, {@code stateFile}, {@code stateDataSource}) each poll writes
 * exactly the records it changed, in one atomic step, and there is no base.
 */
final class SnapshotChangeTracker implements ChangeTracker {

    /** Marks a record removed in the changes since the base. */
    static final SnapshotIndex.Entry REMOVED = new SnapshotIndex.Entry(0, 0, Integer.MIN_VALUE, null);

    /** The changes since the base are stored on their own up to this many records, or a 64th of the state. */
    private static final int MIN_CHANGES_BEFORE_REBASE = 1024;

    private final MapiqResource resource;
    private final StateStore baseStore;
    private final StateStore changesStore;
    private final SnapshotIndex known;
    /** With a record store: where the state goes, under {@link #recordKey}; else {@code null}. */
    private final SnapshotStore recordStore;
    private final String recordKey;
    /** With a record store: records put or {@link #REMOVED} since the last write, kept until a write succeeds. */
    private final Map<String, SnapshotIndex.Entry> unwritten = new LinkedHashMap<>();
    /** Records put or {@link #REMOVED} since the stored base; not kept while {@link #rebase} is due anyway. */
    private final Map<String, SnapshotIndex.Entry> changedSinceBase = new HashMap<>();
    private long baseGeneration;
    private boolean rebase;
    private int generation;
    private DateWindow window;
    private boolean dirty;
    private boolean deferred;
    private int max;
    private int sent;

    SnapshotChangeTracker(MapiqResource resource, StateStore store, boolean deletedRecordBodies) {
        this(resource, store, null, null, deletedRecordBodies);
    }

    SnapshotChangeTracker(MapiqResource resource, StateStore store, SnapshotStore recordStore, String recordKey,
                          boolean deletedRecordBodies) {
        this.resource = resource;
        this.baseStore = store;
        this.changesStore = store.sibling("#changes");
        this.recordStore = recordStore;
        this.recordKey = recordKey;
        this.known = new SnapshotIndex(deletedRecordBodies);
    }

    @Override
    public synchronized void load() throws Exception {
        known.clear();
        changedSinceBase.clear();
        unwritten.clear();
        if (recordStore != null) {
            loadRecords();
            return;
        }
        String base = baseStore.load(SnapshotStateCodec.FORMAT);
        if (base == null) {
            baseGeneration = 0;
            rebase = true;
            return;
        }
        try {
            baseGeneration = SnapshotStateCodec.decodeBase(base, known);
            rebase = false;
            String changes = changesStore.load(SnapshotStateCodec.CHANGES_FORMAT);
            if (changes != null) {
                SnapshotStateCodec.applyChanges(changes, baseGeneration, known, changedSinceBase);
            }
        } catch (DamagedStateException e) {
            throw e;
        } catch (Exception e) {
            known.clear();
            changedSinceBase.clear();
            throw new DamagedStateException("The consumer state under " + baseStore.describe() + " is damaged ("
                                            + e.getMessage() + "). Set damagedState=restart to start over, or "
                                            + "restore the state from a backup.", e);
        }
    }

    private void loadRecords() throws Exception {
        boolean bodies = known.keepsBodies();
        recordStore.load(recordKey, new SnapshotStore.Loader() {
            @Override
            public void put(StoredRecord record) {
                known.put(record.id(), new SnapshotIndex.Entry(record.fingerprintHigh(), record.fingerprintLow(),
                        record.day(), bodies ? record.packedBody() : null), 0);
            }

            @Override
            public void remove(String id) {
                known.remove(id);
            }

            @Override
            public void clear() {
                known.clear();
            }
        });
    }

    @Override
    public synchronized void startOver() throws Exception {
        if (recordStore != null) {
            recordStore.startOver(recordKey);
        } else {
            changesStore.clear();
            baseStore.clear();
        }
        load();
    }

    @Override
    public synchronized Listing open(ListQuery query, MapiqHttpClient client, Clock clock, Executor prefetch,
                                     int max) {
        generation++;
        this.max = max;
        sent = 0;
        deferred = false;
        DateWindow listed = query.isDateBounded() ? query.window(clock) : null;
        Listing listing = query.open(client, listed, prefetch, RecordKeys.fields(resource));
        window = listed;
        return listing;
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
            if (known.hasFingerprint(slot, fingerprint)) {
                known.markSeen(slot, generation);
                return null;
            }
            type = MapiqChangeType.UPDATED;
        } else {
            type = MapiqChangeType.CREATED;
        }
        if (max > 0 && sent >= max) {
            deferred = true;
            return null;
        }
        sent++;
        LocalDate day = RecordKeys.dayOf(resource, record);
        SnapshotIndex.Entry now = new SnapshotIndex.Entry(fingerprint.high(), fingerprint.low(),
                day == null ? SnapshotIndex.NO_DAY : (int) day.toEpochDay(),
                known.keepsBodies() ? PackedJson.pack(record.page(), record.offset(), record.length()) : null);
        if (slot >= 0) {
            known.markSeen(slot, generation);
        } else {
            known.putPending(id, now, generation);
        }
        return new Change(id, type, record, now, null);
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
                    if (slot >= 0 && max > 0 && sent >= max) {
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
                    sent++;
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
        if (change.type() == MapiqChangeType.DELETED) {
            known.remove(change.id());
            changedSinceBase(change.id(), REMOVED);
        } else {
            known.put(change.id(), change.entry(), generation);
            changedSinceBase(change.id(), change.entry());
        }
        dirty = true;
    }

    private void changedSinceBase(String id, SnapshotIndex.Entry record) {
        if (recordStore != null) {
            unwritten.put(id, record);
            return;
        }
        if (rebase) {
            return; // the whole state is stored next
        }
        changedSinceBase.put(id, record);
        if (changedSinceBase.size() > Math.max(MIN_CHANGES_BEFORE_REBASE, known.size() / 64)) {
            rebase = true;
            changedSinceBase.clear();
        }
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
    public synchronized void pollFinished() throws Exception {
        if (window != null) {
            int before = known.size();
            Map<String, SnapshotIndex.Entry> forgotten = new HashMap<>();
            known.removeIf(slot -> {
                boolean out = known.seen(slot) != generation && !insideWindow(known.day(slot));
                if (out && (!rebase || recordStore != null)) {
                    forgotten.put(known.id(slot), REMOVED);
                }
                return out; // left the window: not deleted, just out of sight
            });
            forgotten.forEach(this::changedSinceBase);
            dirty |= known.size() != before;
        }
        if (!dirty) {
            return;
        }
        if (recordStore != null) {
            writeRecords();
            dirty = false;
            return;
        }
        if (rebase) {
            // the base first: should the process stop before the changes are cleared, they name the older base
            long next = baseGeneration + 1;
            baseStore.save(SnapshotStateCodec.FORMAT, SnapshotStateCodec.encodeBase(next, known));
            baseGeneration = next;
            changesStore.save(SnapshotStateCodec.CHANGES_FORMAT, SnapshotStateCodec.encodeChanges(next, Map.of()));
            changedSinceBase.clear();
            rebase = false;
        } else {
            changesStore.save(SnapshotStateCodec.CHANGES_FORMAT,
                    SnapshotStateCodec.encodeChanges(baseGeneration, changedSinceBase));
        }
        dirty = false;
    }

    /**
     * Writes the records changed since the last successful write; on failure they stay for the next poll's write. The
     * puts are a view made record by record as the store reads them, not a second copy of a large first state.
     */
    private void writeRecords() throws Exception {
        List<String> removes = new ArrayList<>();
        unwritten.forEach((id, entry) -> {
            if (entry == REMOVED) {
                removes.add(id);
            }
        });
        int putCount = unwritten.size() - removes.size();
        Collection<StoredRecord> puts = new AbstractCollection<>() {
            @Override
            public Iterator<StoredRecord> iterator() {
                Iterator<Map.Entry<String, SnapshotIndex.Entry>> changes = unwritten.entrySet().iterator();
                return new Iterator<>() {
                    private Map.Entry<String, SnapshotIndex.Entry> next = advance();

                    private Map.Entry<String, SnapshotIndex.Entry> advance() {
                        while (changes.hasNext()) {
                            Map.Entry<String, SnapshotIndex.Entry> change = changes.next();
                            if (change.getValue() != REMOVED) {
                                return change;
                            }
                        }
                        return null;
                    }

                    @Override
                    public boolean hasNext() {
                        return next != null;
                    }

                    @Override
                    public StoredRecord next() {
                        if (next == null) {
                            throw new NoSuchElementException();
                        }
                        SnapshotIndex.Entry entry = next.getValue();
                        StoredRecord record = new StoredRecord(next.getKey(), entry.fingerprintHigh(),
                                entry.fingerprintLow(), entry.day(), entry.packedBody());
                        next = advance();
                        return record;
                    }
                };
            }

            @Override
            public int size() {
                return putCount;
            }
        };
        recordStore.write(recordKey, puts, removes);
        unwritten.clear();
    }
}
