package io.github.camelmapiq.mapiq.consumer;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

import static io.github.camelmapiq.mapiq.consumer.SnapshotChangeTracker.REMOVED;

/**
 * What delivered changes will write to a {@link SnapshotStore} at the end of a poll, for
 * {@link StoredSnapshotChangeTracker}: the records to put in a {@link SnapshotIndex} (about 45 bytes a slot, so that a
 * first poll of a million records holds them compactly), the ids to remove in a set. Not thread-safe: the tracker
 * guards it.
 */
final class PendingWrites {

    private final SnapshotIndex puts;
    private final Set<String> removes = new LinkedHashSet<>();

    PendingWrites(boolean keepBodies) {
        this.puts = new SnapshotIndex(keepBodies);
    }

    void put(String id, SnapshotIndex.Entry entry) {
        removes.remove(id);
        puts.put(id, entry, 0);
    }

    void remove(String id) {
        puts.remove(id);
        removes.add(id);
    }

    /** The record pending for {@code id}, {@link SnapshotChangeTracker#REMOVED}, or {@code null} when none is. */
    SnapshotIndex.Entry get(String id) {
        if (isEmpty()) {
            return null;
        }
        if (removes.contains(id)) {
            return REMOVED;
        }
        int slot = puts.find(id);
        return slot < 0 ? null : puts.entry(slot);
    }

    int size() {
        return puts.size() + removes.size();
    }

    boolean isEmpty() {
        return size() == 0;
    }

    /** Each record pending to be put. */
    void forEachPut(BiConsumer<String, SnapshotIndex.Entry> action) {
        for (int slot = puts.nextStored(-1); slot >= 0; slot = puts.nextStored(slot)) {
            action.accept(puts.id(slot), puts.entry(slot));
        }
    }

    /**
     * Writes everything pending in one {@link SnapshotStore#write}, then forgets it; on failure it stays for the next
     * poll's write. The puts are a view made record by record as the store reads them.
     */
    void writeTo(SnapshotStore store, String key) throws Exception {
        if (isEmpty()) {
            return;
        }
        SnapshotIndex written = puts;
        Collection<StoredRecord> view = new AbstractCollection<>() {
            @Override
            public Iterator<StoredRecord> iterator() {
                return new Iterator<>() {
                    private int slot = written.nextStored(-1);

                    @Override
                    public boolean hasNext() {
                        return slot >= 0;
                    }

                    @Override
                    public StoredRecord next() {
                        if (slot < 0) {
                            throw new NoSuchElementException();
                        }
                        SnapshotIndex.Entry entry = written.entry(slot);
                        StoredRecord record = new StoredRecord(written.id(slot), entry.fingerprintHigh(),
                                entry.fingerprintLow(), entry.day(), entry.packedBody());
                        slot = written.nextStored(slot);
                        return record;
                    }
                };
            }

            @Override
            public int size() {
                return written.size();
            }
        };
        store.write(key, view, removes);
        clear();
    }

    void clear() {
        puts.clear();
        removes.clear();
    }
}
