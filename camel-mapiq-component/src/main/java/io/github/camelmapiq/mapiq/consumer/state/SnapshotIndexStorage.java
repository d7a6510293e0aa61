package io.github.camelmapiq.mapiq.consumer.state;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;


import static io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex.REMOVED;

/**
 * Where an in-heap {@link SnapshotIndex} (the state of snapshot change detection) is loaded from and written to:
 * loading, starting over and store writes. Not thread-safe: its user synchronizes.
 * <p>
 * Without a record store, the state is a base plus the changes since that base ({@link RepositorySnapshotCodec}) in a
 * {@link StateRepositorySlot}: a poll that changed little stores little, and the base is rewritten only when the changes grow
 * past a fraction of it. With a {@link SnapshotStore}, each poll writes exactly the records it changed, in one atomic
 * step, and there is no base.
 */
public final class SnapshotIndexStorage {

    /** The changes since the base are stored on their own up to this many records, or a 64th of the state. */
    private static final int MIN_CHANGES_BEFORE_REBASE = 1024;

    private final SnapshotIndex known;
    private final StateRepositorySlot baseStore;
    private final StateRepositorySlot changesStore;
    /** With a record store: where the state goes, under {@link #recordKey}; else {@code null}. */
    private final SnapshotStore recordStore;
    private final String recordKey;
    /** With a record store: records put or {@link SnapshotIndex#REMOVED} since the last write. */
    private final Map<String, SnapshotIndex.Entry> unwritten = new LinkedHashMap<>();
    /** Records put or {@link SnapshotIndex#REMOVED} since the stored base; not kept while a rebase is due. */
    private final Map<String, SnapshotIndex.Entry> changedSinceBase = new HashMap<>();
    private long baseGeneration;
    private boolean rebase;

    public SnapshotIndexStorage(SnapshotIndex known, StateRepositorySlot store, SnapshotStore recordStore, String recordKey) {
        this.known = known;
        this.baseStore = store;
        this.changesStore = store.sibling("#changes");
        this.recordStore = recordStore;
        this.recordKey = recordKey;
    }

    /** Replaces what {@code known} holds with the stored state. */
    public void load() throws Exception {
        known.clear();
        changedSinceBase.clear();
        unwritten.clear();
        if (recordStore != null) {
            loadRecords();
            return;
        }
        String base = baseStore.load(RepositorySnapshotCodec.FORMAT);
        if (base == null) {
            baseGeneration = 0;
            rebase = true;
            return;
        }
        try {
            baseGeneration = RepositorySnapshotCodec.decodeBase(base, known);
            rebase = false;
            String changes = changesStore.load(RepositorySnapshotCodec.CHANGES_FORMAT);
            if (changes != null) {
                RepositorySnapshotCodec.applyChanges(changes, baseGeneration, known, changedSinceBase);
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

    /** Forgets the stored state; the caller loads again after. */
    public void startOver() throws Exception {
        if (recordStore != null) {
            recordStore.startOver(recordKey);
        } else {
            changesStore.clear();
            baseStore.clear();
        }
    }

    /** Whether the next write stores each change on its own (else the whole state is stored next). */
    public boolean storesEachChange() {
        return recordStore != null || !rebase;
    }

    /** Notes a record put, or {@link SnapshotIndex#REMOVED}, for the next write. */
    public void changed(String id, SnapshotIndex.Entry record) {
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

    /** Stores what changed since the last write. */
    public void write() throws Exception {
        if (recordStore != null) {
            writeRecords();
            return;
        }
        if (rebase) {
            // the base first: should the process stop before the changes are cleared, they name the older base
            long next = baseGeneration + 1;
            baseStore.save(RepositorySnapshotCodec.FORMAT, RepositorySnapshotCodec.encodeBase(next, known));
            baseGeneration = next;
            changesStore.save(RepositorySnapshotCodec.CHANGES_FORMAT, RepositorySnapshotCodec.encodeChanges(next, Map.of()));
            changedSinceBase.clear();
            rebase = false;
        } else {
            changesStore.save(RepositorySnapshotCodec.CHANGES_FORMAT,
                    RepositorySnapshotCodec.encodeChanges(baseGeneration, changedSinceBase));
        }
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
