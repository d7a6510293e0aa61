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
 * Per record the state keeps its id, a 64-bit content {@linkplain RecordFingerprint fingerprint}, the date placing it
 * in a window, and its last body {@linkplain PackedJson packed} (a deleted record is delivered with its last known
 * body, and nothing else can supply it). A record inside the current window that is no longer listed is DELETED; one
 * whose date left the window (the window moves with {@code today}) is forgotten without an exchange.
 */
final class SnapshotChangeTracker implements ChangeTracker {

    private static final int NO_DAY = Integer.MIN_VALUE;

    private final MapiqResource resource;
    private final StateStore store;
    private final SnapshotStateCodec codec;
    private final ObjectMapper mapper;
    private final Map<String, Known> known = new HashMap<>();
    private int generation;
    private DateWindow window;
    private boolean dirty;
    private boolean deferred;

    /** What is remembered of one delivered record. */
    static final class Known {
        final long fingerprint;
        final int day;
        final byte[] packedBody;
        int seenInGeneration;

        Known(long fingerprint, int day, byte[] packedBody) {
            this.fingerprint = fingerprint;
            this.day = day;
            this.packedBody = packedBody;
        }
    }

    SnapshotChangeTracker(MapiqResource resource, StateStore store, ObjectMapper mapper) {
        this.resource = resource;
        this.store = store;
        this.mapper = mapper;
        this.codec = new SnapshotStateCodec(mapper);
    }

    @Override
    public synchronized void load() throws Exception {
        known.clear();
        StateStore.Stored stored = store.loadAnyOf(SnapshotStateCodec.FORMAT, SnapshotStateCodec.FORMAT_V1);
        if (stored != null) {
            codec.decode(stored.format(), stored.payload(), known);
        }
    }

    @Override
    public synchronized List<Change> collect(ListQuery query, MapiqHttpClient client, Clock clock, int max)
            throws Exception {
        int current = ++generation;
        DateWindow listed = query.isDateBounded() ? query.window(clock) : null;
        List<Change> changes = new ArrayList<>();
        Set<String> newIds = new HashSet<>();
        deferred = false;
        query.run(client, listed, record -> {
            String id = RecordKeys.idOf(resource, record);
            Known before = known.get(id);
            MapiqChangeType type;
            if (before != null) {
                if (before.seenInGeneration == current) {
                    return; // listed twice in one poll
                }
                before.seenInGeneration = current;
                if (before.fingerprint == RecordFingerprint.of(record)) {
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
                changes.add(new Change(id, record, type));
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
                ObjectNode lastBody = (ObjectNode) mapper.readTree(PackedJson.unpack(gone.packedBody));
                changes.add(new Change(entry.getKey(), lastBody, MapiqChangeType.DELETED));
            }
        }
        return changes;
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
        } else {
            LocalDate day = RecordKeys.dayOf(resource, change.record());
            Known now = new Known(RecordFingerprint.of(change.record()), day == null ? NO_DAY : (int) day.toEpochDay(),
                                  PackedJson.pack(change.record().toString()));
            now.seenInGeneration = generation;
            known.put(change.id(), now);
        }
        dirty = true;
    }

    @Override
    public void notDelivered(Change change) {
        // the state keeps the previous version, so the next poll finds the same change again
    }

    @Override
    public synchronized void pollFinished() throws Exception {
        if (window != null) {
            for (Iterator<Known> it = known.values().iterator(); it.hasNext();) {
                Known record = it.next();
                if (record.seenInGeneration != generation && !insideWindow(record)) {
                    it.remove(); // left the window: not deleted, just out of sight
                    dirty = true;
                }
            }
        }
        if (dirty) {
            store.save(SnapshotStateCodec.FORMAT, codec.encode(known));
            dirty = false;
        }
    }

    /** Number of records in the state, for tests and logs. */
    synchronized int size() {
        return known.size();
    }

    static int noDay() {
        return NO_DAY;
    }
}
