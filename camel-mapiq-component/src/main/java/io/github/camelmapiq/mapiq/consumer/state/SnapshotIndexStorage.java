package io.github.camelmapiq.mapiq.consumer.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Where an in-heap {@link SnapshotIndex} (the state of snapshot change detection) is loaded from and written to:
 * loading, starting over and store writes. Not thread-safe: its user synchronizes.
 * <p>
 * Without a record store, the state is a base plus the changes since that base ({@link RepositorySnapshotCodec}) in a
 * {@link StateRepositorySlot}: a poll that changed little stores little, and the base is rewritten only when the
 * changes grow past a fraction of it. With a {@link SnapshotStore} (that cannot look records up), the index is loaded
 * from it and started over in it here; its user writes each poll's records to it, in one atomic step.
 */
final class SnapshotIndexStorage {

    /** The changes since the base are stored on their own up to this many records, or a 64th of the state. */
    private static final int MIN_CHANGES_BEFORE_REBASE = 1024;

    private final SnapshotIndex known;
    private final StateRepositorySlot baseStore;
    private final StateRepositorySlot changesStore;
    /** With a record store: where the state goes, under {@link #recordKey}; else {@code null}. */
    private final SnapshotStore recordStore;
    private final String recordKey;
    /** Records put or {@link SnapshotIndex#REMOVED} since the stored base; not kept while a rebase is due. */
    private final Map<String, SnapshotIndex.Entry> changedSinceBase = new HashMap<>();
    private long baseGeneration;
    private boolean rebase;

    SnapshotIndexStorage(SnapshotIndex known, StateRepositorySlot store, SnapshotStore recordStore,
                                String recordKey) {
        this.known = known;
        this.baseStore = store;
        this.changesStore = store.sibling("#changes");
        this.recordStore = recordStore;
        this.recordKey = recordKey;
    }

    /** Replaces what {@code known} holds with the stored state. */
    void load() throws Exception {
        known.clear();
        changedSinceBase.clear();
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
                        record.day(), bodies ? record.packedBody() : null));
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
    void startOver() throws Exception {
        if (recordStore != null) {
            recordStore.startOver(recordKey);
        } else {
            changesStore.clear();
            baseStore.clear();
        }
    }

    /** Notes a record put, or {@link SnapshotIndex#REMOVED}, for the next write (to the slot). */
    void changed(String id, SnapshotIndex.Entry record) {
        if (rebase) {
            return; // the whole state is stored next
        }
        changedSinceBase.put(id, record);
        if (changedSinceBase.size() > Math.max(MIN_CHANGES_BEFORE_REBASE, known.size() / 64)) {
            rebase = true;
            changedSinceBase.clear();
        }
    }

    /** Stores what changed since the last write in the slot (a record store is written by its user). */
    void write() throws Exception {
        if (rebase) {
            // the base first: should the process stop before the changes are cleared, they name the older base
            long next = baseGeneration + 1;
            baseStore.save(RepositorySnapshotCodec.FORMAT, RepositorySnapshotCodec.encodeBase(next, known));
            baseGeneration = next;
            changesStore.save(RepositorySnapshotCodec.CHANGES_FORMAT,
                    RepositorySnapshotCodec.encodeChanges(next, Map.of()));
            changedSinceBase.clear();
            rebase = false;
        } else {
            changesStore.save(RepositorySnapshotCodec.CHANGES_FORMAT,
                    RepositorySnapshotCodec.encodeChanges(baseGeneration, changedSinceBase));
        }
    }
}
