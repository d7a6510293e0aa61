package io.github.camelmapiq.mapiq.consumer.state;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex.REMOVED;

/**
 * One consumer's state held in the heap, in a {@link SnapshotIndex}, and kept where it lives: a {@link SnapshotStore}
 * that cannot look records up (the memory and file stores), or a {@link StateRepositorySlot} of any Camel
 * {@code StateRepository} (as a base plus the changes since, {@link SnapshotIndexStorage}). It is itself a
 * {@link SnapshotStore} that {@linkplain #supportsLookup looks records up}, answering from the index: so one change
 * tracker works against every store. {@link #open} reads the state into the index; each {@link #write} goes to where
 * the state lives (the store as it is, or the slot as a base plus changes), and into the index. Its index is guarded
 * by its monitor: a poll's lookups and the previous poll's write run on different threads.
 */
public final class IndexedSnapshotStore implements SnapshotStore {

    private final SnapshotStore backing;
    private final StateRepositorySlot slot;
    private final String key;
    private final boolean keepBodies;
    private final SnapshotIndex known;
    private final SnapshotIndexStorage storage;
    /** The poll in progress, counted from 1: what {@link #markListed} notes. */
    private int poll;
    /** The id {@link #markListed} last found, and its slot: the lookup of the same record that follows needs no probe. */
    private String lastId;
    private int lastSlot;

    /**
     * @param slot       where the state lives without a store: the consumer's slot of its {@code stateRepository}
     * @param backing    where the state lives, or {@code null} for the slot
     * @param key        the consumer's state key
     * @param keepBodies whether the last body of each record is kept ({@code deletedRecordBodies})
     */
    public IndexedSnapshotStore(StateRepositorySlot slot, SnapshotStore backing, String key, boolean keepBodies) {
        this.backing = backing;
        this.slot = slot;
        this.key = key;
        this.keepBodies = keepBodies;
        this.known = new SnapshotIndex(keepBodies);
        this.storage = new SnapshotIndexStorage(known, slot, backing, key);
    }

    /** Records held in the heap. */
    public synchronized int size() {
        return known.size();
    }

    @Override
    public synchronized void open(String key) throws Exception {
        lastId = null;
        storage.load();
    }

    @Override
    public synchronized void load(String key, Loader loader) {
        for (int at = known.nextStored(-1); at >= 0; at = known.nextStored(at)) {
            loader.put(record(at, known.id(at), true));
        }
    }

    @Override
    public boolean supportsLookup() {
        return true;
    }

    /** A view of the index: a record is made only when the caller gets it. */
    @Override
    public Map<String, StoredRecord> find(String key, Collection<String> ids, boolean withBodies) {
        return new AbstractMap<>() {
            @Override
            public StoredRecord get(Object id) {
                synchronized (IndexedSnapshotStore.this) {
                    int at = id instanceof String text ? slotOf(text) : -1;
                    return at < 0 ? null : record(at, (String) id, withBodies);
                }
            }

            @Override
            public boolean containsKey(Object id) {
                synchronized (IndexedSnapshotStore.this) {
                    return id instanceof String text && slotOf(text) >= 0;
                }
            }

            @Override
            public Set<Entry<String, StoredRecord>> entrySet() {
                Map<String, StoredRecord> found = new LinkedHashMap<>();
                for (String id : ids) {
                    StoredRecord record = get(id);
                    if (record != null) {
                        found.put(id, record);
                    }
                }
                return found.entrySet();
            }
        };
    }

    @Override
    public synchronized void scan(String key, Loader loader) {
        for (int at = known.nextStored(-1); at >= 0; at = known.nextStored(at)) {
            loader.put(record(at, known.id(at), false));
        }
    }

    @Override
    public synchronized long count(String key) {
        return known.size();
    }

    /** The record in slot {@code at}, under {@code id} (the slot's id, which a UUID's bits would give back as text). */
    private StoredRecord record(int at, String id, boolean withBody) {
        SnapshotIndex.Entry entry = known.entry(at);
        return new StoredRecord(id, entry.fingerprintHigh(), entry.fingerprintLow(), entry.day(),
                withBody ? entry.packedBody() : null);
    }

    /** Write-ahead marks go to the store the state lives in; a {@code StateRepository} takes none. */
    @Override
    public synchronized void insert(String key, Collection<StoredRecord> records) throws Exception {
        if (backing == null) {
            return;
        }
        backing.insert(key, records);
        lastId = null;
        records.forEach(record -> known.put(record.id(), entryOf(record)));
    }

    @Override
    public boolean confirmsMarks() {
        return backing != null && backing.confirmsMarks();
    }

    @Override
    public void settlePendingMarks(String key) throws Exception {
        if (backing != null) {
            backing.settlePendingMarks(key);
        }
    }

    /**
     * Notes that the poll in progress listed {@code id}, in the index instead of a set of its own.
     *
     * @return 1 the first time, 0 when the poll listed it before, -1 when the index holds no such record
     */
    public synchronized int markListed(String id) {
        int at = known.find(id);
        lastId = at < 0 ? null : id;
        lastSlot = at;
        return at < 0 ? -1 : known.markListed(at, poll) ? 1 : 0;
    }

    /** The slot of {@code id}, or -1. */
    private int slotOf(String id) {
        return id == lastId ? lastSlot : known.find(id);
    }

    /** Whether the poll in progress listed {@code id}, a record the index holds. */
    public synchronized boolean listed(String id) {
        int at = known.find(id);
        return at >= 0 && known.listedIn(at, poll);
    }

    /** Like {@link #scan}, passing only the records the poll in progress did not list ({@link #markListed}). */
    public synchronized void scanUnlisted(Loader loader) {
        for (int at = known.nextStored(-1); at >= 0; at = known.nextStored(at)) {
            if (!known.listedIn(at, poll)) {
                loader.put(record(at, known.id(at), false));
            }
        }
    }

    @Override
    public void pollBegins(String key) throws Exception {
        synchronized (this) {
            poll++;
        }
        if (backing != null) {
            backing.pollBegins(key);
        }
    }

    @Override
    public void pollEnded(String key) {
        if (backing != null) {
            backing.pollEnded(key);
        }
    }

    /** Writes to the store without lookups, or through the slot; the index follows. */
    @Override
    public synchronized void write(String key, Collection<StoredRecord> puts, Collection<String> removes)
            throws Exception {
        if (backing != null) {
            backing.write(key, puts, removes);
        }
        lastId = null;
        for (StoredRecord record : puts) {
            SnapshotIndex.Entry entry = entryOf(record);
            known.put(record.id(), entry);
            if (backing == null) {
                storage.changed(record.id(), entry);
            }
        }
        for (String id : removes) {
            known.remove(id);
            if (backing == null) {
                storage.changed(id, REMOVED);
            }
        }
        if (backing == null) {
            storage.write();
        }
    }

    private SnapshotIndex.Entry entryOf(StoredRecord record) {
        return new SnapshotIndex.Entry(record.fingerprintHigh(), record.fingerprintLow(), record.day(),
                keepBodies ? record.packedBody() : null);
    }

    @Override
    public String getValue(String key) throws Exception {
        return backing == null ? null : backing.getValue(key);
    }

    @Override
    public void setValue(String key, String value) throws Exception {
        if (backing == null) {
            throw new UnsupportedOperationException("A stateRepository keeps one value per key: " + slot.describe());
        }
        backing.setValue(key, value);
    }

    @Override
    public synchronized void startOver(String key) throws Exception {
        storage.startOver();
        known.clear();
        lastId = null;
    }

    @Override
    public String describe(String key) {
        return backing != null ? backing.describe(key) : slot.describe();
    }

    @Override
    public String toString() {
        return "IndexedSnapshotStore over " + describe(key);
    }
}
