package io.github.camelmapiq.mapiq.consumer.change;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

import static io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex.REMOVED;

/**
 * What delivered changes will write to a {@link SnapshotStore} at the end of a poll, for
 * {@link SnapshotChangeTracker}: the records to put in a {@link SnapshotIndex} (about 45 bytes a slot, so that a
 * first poll of a million records holds them compactly), the ids to remove in a set. Not thread-safe: its users
 * synchronize on it.
 */
final class PendingWrites {

    private final SnapshotIndex puts;
    private final Set<String> removes = new LinkedHashSet<>();

    PendingWrites(boolean keepBodies) {
        this.puts = new SnapshotIndex(keepBodies);
    }

    void put(String id, SnapshotIndex.Entry entry) {
        removes.remove(id);
        puts.put(id, entry);
    }

    void remove(String id) {
        puts.remove(id);
        removes.add(id);
    }

    /** The record pending for {@code id}, {@link SnapshotIndex#REMOVED}, or {@code null} when none is. */
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
     * poll's write. The puts are a view made record by record as the store reads them. Records whose write-ahead mark
     * holds their state already are left out, marked records not delivered removed, and with marks pending the store is
     * written even with nothing else to write ({@link WriteAheadMarks}).
     */
    void writeTo(SnapshotStore store, String key, WriteAheadMarks marks) throws Exception {
        if (isEmpty() && !marks.pending()) {
            return;
        }
        SnapshotIndex written = puts;
        int size = 0;
        for (int slot = written.nextStored(-1); slot >= 0; slot = written.nextStored(slot)) {
            size += marks.holds(written.id(slot), written.entry(slot)) ? 0 : 1;
        }
        int count = size;
        Collection<StoredRecord> view = new AbstractCollection<>() {
            @Override
            public Iterator<StoredRecord> iterator() {
                return new Iterator<>() {
                    private int slot = next(-1);

                    private int next(int from) {
                        int at = written.nextStored(from);
                        while (at >= 0 && marks.holds(written.id(at), written.entry(at))) {
                            at = written.nextStored(at);
                        }
                        return at;
                    }

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
                        slot = next(slot);
                        return record;
                    }
                };
            }

            @Override
            public int size() {
                return count;
            }
        };
        List<String> undelivered = marks.undelivered(id -> get(id) != null);
        Collection<String> removed = removes;
        if (!undelivered.isEmpty()) {
            removed = new LinkedHashSet<>(removes);
            removed.addAll(undelivered);
        }
        store.write(key, view, removed);
        marks.written();
        clear();
    }

    void clear() {
        puts.clear();
        removes.clear();
    }
}
