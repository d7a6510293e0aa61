package io.github.camelmapiq.mapiq.consumer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.http.DateWindow;
import io.github.camelmapiq.mapiq.http.ListQuery;
import io.github.camelmapiq.mapiq.http.MapiqHttpClient;

/**
 * {@code changesOnly} for resources Mapiq answers as a snapshot (everything but check-in events): each poll lists
 * the whole snapshot (or the current date window) and compares it with what was delivered before.
 * <p>
 * Per record the state keeps its id, a 128-bit content {@linkplain RecordFingerprint fingerprint}, the date placing it
 * in a window, and its last body {@linkplain PackedJson packed} (a deleted record is delivered with its last known
 * body, and nothing else can supply it). A record inside the current window that is no longer listed is DELETED; one
 * whose date left the window (the window moves with {@code today}) is forgotten without an exchange.
 * <p>
 * A new or changed record is fingerprinted and packed once, while the listing is read; its exchange carries the packed
 * body, and the same {@link Known} enters the state when the exchange completed. The state is stored as a base plus
 * the changes since that base ({@link SnapshotStateCodec}): a poll that changed little stores little, and the base is
 * rewritten only when the changes grow past a fraction of it.
 */
final class SnapshotChangeTracker implements ChangeTracker {

    /** Marks a record removed in the changes since the base. */
    static final Known REMOVED = new Known(0, 0, Integer.MIN_VALUE, new byte[0]);

    /** The day of a record that has none (an undated resource, or a date Mapiq did not send). */
    static final int NO_DAY = Integer.MIN_VALUE;
    /** The changes since the base are stored on their own up to this many records, or a 64th of the state. */
    private static final int MIN_CHANGES_BEFORE_REBASE = 1024;

    private final MapiqResource resource;
    private final StateStore baseStore;
    private final StateStore changesStore;
    private final Map<String, Known> known = new HashMap<>();
    /** Records put or {@link #REMOVED} since the stored base; not kept while {@link #rebase} is due anyway. */
    private final Map<String, Known> changedSinceBase = new HashMap<>();
    private long baseGeneration;
    private boolean rebase;
    private int generation;
    private DateWindow window;
    private boolean dirty;
    private boolean deferred;

    /** What is remembered of one delivered record. */
    static final class Known {
        final long fingerprintHigh;
        final long fingerprintLow;
        final int day;
        final byte[] packedBody;
        int seenInGeneration;

        Known(long fingerprintHigh, long fingerprintLow, int day, byte[] packedBody) {
            this.fingerprintHigh = fingerprintHigh;
            this.fingerprintLow = fingerprintLow;
            this.day = day;
            this.packedBody = packedBody;
        }

        static Known of(RecordFingerprint fingerprint, int day, byte[] packedBody) {
            return new Known(fingerprint.high(), fingerprint.low(), day, packedBody);
        }

        boolean hasFingerprint(RecordFingerprint fingerprint) {
            return fingerprintHigh == fingerprint.high() && fingerprintLow == fingerprint.low();
        }
    }

    SnapshotChangeTracker(MapiqResource resource, StateStore store) {
        this.resource = resource;
        this.baseStore = store;
        this.changesStore = store.sibling("#changes");
    }

    @Override
    public synchronized void load() throws Exception {
        known.clear();
        changedSinceBase.clear();
        String base = baseStore.load(SnapshotStateCodec.FORMAT);
        if (base == null) {
            baseGeneration = 0;
            rebase = true;
            return;
        }
        baseGeneration = SnapshotStateCodec.decodeBase(base, known);
        rebase = false;
        String changes = changesStore.load(SnapshotStateCodec.CHANGES_FORMAT);
        if (changes != null) {
            SnapshotStateCodec.applyChanges(changes, baseGeneration, known, changedSinceBase);
        }
    }

    @Override
    public synchronized List<Change> collect(ListQuery query, MapiqHttpClient client, Clock clock, int max)
            throws Exception {
        int current = ++generation;
        DateWindow listed = query.isDateBounded() ? query.window(clock) : null;
        ObjectMapper mapper = client.mapper();
        List<Change> changes = new ArrayList<>();
        Set<String> newIds = new HashSet<>();
        deferred = false;
        query.run(client, listed, record -> {
            String id = RecordKeys.idOf(resource, record);
            Known before = known.get(id);
            RecordFingerprint fingerprint = null;
            MapiqChangeType type;
            if (before != null) {
                if (before.seenInGeneration == current) {
                    return; // listed twice in one poll
                }
                before.seenInGeneration = current;
                fingerprint = RecordFingerprint.of(record);
                if (before.hasFingerprint(fingerprint)) {
                    return;
                }
                type = MapiqChangeType.UPDATED;
            } else {
                if (!newIds.add(id)) {
                    return;
                }
                type = MapiqChangeType.CREATED;
            }
            if (max <= 0 || changes.size() < max) {
                changes.add(change(id, type, record, fingerprint, mapper));
            } else {
                deferred = true;
            }
        });
        window = listed;
        for (Map.Entry<String, Known> entry : known.entrySet()) {
            Known gone = entry.getValue();
            if (gone.seenInGeneration != current && insideWindow(gone)) {
                if (max > 0 && changes.size() >= max) {
                    deferred = true;
                    break;
                }
                changes.add(new Change(entry.getKey(), MapiqChangeType.DELETED, gone.packedBody, true, gone, null));
            }
        }
        return changes;
    }

    /** A new or changed record: fingerprinted (unless it was already) and packed, once. */
    private Change change(String id, MapiqChangeType type, ObjectNode record, RecordFingerprint fingerprint,
                          ObjectMapper mapper) {
        LocalDate day = RecordKeys.dayOf(resource, record);
        Known now = Known.of(fingerprint != null ? fingerprint : RecordFingerprint.of(record),
                             day == null ? NO_DAY : (int) day.toEpochDay(),
                             PackedJson.pack(Change.json(record, mapper)));
        return new Change(id, type, now.packedBody, true, now, null);
    }

    /** Records whose date is unknown count as inside, so that a deletion is never missed. */
    private boolean insideWindow(Known record) {
        return window == null || record.day == NO_DAY || window.contains(LocalDate.ofEpochDay(record.day));
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
            Known now = change.known();
            now.seenInGeneration = generation;
            known.put(change.id(), now);
            changedSinceBase(change.id(), now);
        }
        dirty = true;
    }

    private void changedSinceBase(String id, Known record) {
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
    public void notDelivered(Change change) {
        // the state keeps the previous version, so the next poll finds the same change again
    }

    @Override
    public synchronized void pollFinished() throws Exception {
        if (window != null) {
            for (Iterator<Map.Entry<String, Known>> it = known.entrySet().iterator(); it.hasNext();) {
                Map.Entry<String, Known> entry = it.next();
                Known record = entry.getValue();
                if (record.seenInGeneration != generation && !insideWindow(record)) {
                    it.remove(); // left the window: not deleted, just out of sight
                    changedSinceBase(entry.getKey(), REMOVED);
                    dirty = true;
                }
            }
        }
        if (!dirty) {
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
            changesStore.save(SnapshotStateCodec.CHANGES_FORMAT, SnapshotStateCodec.encodeChanges(baseGeneration, changedSinceBase));
        }
        dirty = false;
    }
}
