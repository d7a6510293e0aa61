package io.github.camelmapiq.mapiq.consumer.state;

import java.util.Collection;
import java.util.Map;

/**
 * Where {@code changesOnly} keeps its state, record by record: under each consumer's state key, one
 * {@link StoredRecord} per record id, plus one small string value (the check-in events cursor). A poll that changed
 * 20 records {@linkplain #write writes} those 20, in one atomic step, never the whole state.
 * <p>
 * Implementations: {@link MemorySnapshotStore}, {@link FileSnapshotStore} (option {@code stateFile}),
 * {@link JdbcSnapshotStore} (option {@code stateDataSource}); or your own, as a bean given to option
 * {@code snapshotStore}. One store may hold the state of many consumers (each under its own key) and is called by one
 * thread per key at a time. A store that is a Camel {@link org.apache.camel.Service} is started by the first consumer
 * that uses it.
 * <p>
 * A store that can look records up ({@link #supportsLookup}, as {@link JdbcSnapshotStore} does) lets its consumers keep
 * no record in the heap between polls: a poll {@linkplain #find finds} the stored records of each page it lists and,
 * after a complete listing, {@linkplain #scan scans} the stored records once for deletions. A store that cannot is
 * {@linkplain #load loaded} once at start into an index in the heap, an {@link IndexedSnapshotStore} that answers the
 * same lookups (about 45 bytes a slot, 60 to 120 bytes a record).
 */
public interface SnapshotStore {

    /** Receives the stored records of one key, in the order they were written. */
    interface Loader {

        /** The record is stored (replacing any earlier one with the same id). */
        void put(StoredRecord record);

        /** The record with this id is no longer stored. */
        void remove(String id);

        /** Nothing stored before is valid any more (the key was started over). */
        void clear();
    }

    /**
     * Passes every record stored under {@code key} to {@code loader}.
     *
     * @throws DamagedStateException when what is stored cannot be read
     */
    void load(String key, Loader loader) throws Exception;

    /**
     * A consumer of {@code key} starts, before its first poll: a store that holds the state of the key in the heap reads
     * it here. Nothing unless overridden.
     *
     * @throws DamagedStateException when what is stored cannot be read
     */
    default void open(String key) throws Exception {
    }

    /**
     * Whether this store answers {@link #find} and {@link #scan} from where it keeps the records, so that its
     * consumers keep none of them in the heap. {@code false} unless overridden: the consumer loads every record at
     * start.
     */
    default boolean supportsLookup() {
        return false;
    }

    /**
     * The records stored under {@code key} among {@code ids} (one page of a listing, at most a few thousand ids), by
     * id; ids that are not stored are absent. Called only when {@link #supportsLookup}.
     *
     * @param withBodies whether the packed bodies are needed; when {@code false} they may be left {@code null}
     */
    default Map<String, StoredRecord> find(String key, Collection<String> ids, boolean withBodies) throws Exception {
        throw new UnsupportedOperationException(getClass().getName() + " does not support lookups");
    }

    /**
     * Passes every record stored under {@code key} to {@code loader}, its packed body left {@code null} (only the id,
     * day and fingerprint are needed). Called only when {@link #supportsLookup}; the loader does no I/O, so a store may
     * stream from an open cursor. The default {@linkplain #load loads} the records, bodies included.
     *
     * @throws DamagedStateException when what is stored cannot be read
     */
    default void scan(String key, Loader loader) throws Exception {
        load(key, loader);
    }

    /**
     * How many records are stored under {@code key}. The default {@linkplain #load loads} them to count them; a store
     * that looks records up answers it where it keeps them.
     */
    default long count(String key) throws Exception {
        java.util.Set<String> ids = new java.util.HashSet<>();
        load(key, new Loader() {
            @Override
            public void put(StoredRecord record) {
                ids.add(record.id());
            }

            @Override
            public void remove(String id) {
                ids.remove(id);
            }

            @Override
            public void clear() {
                ids.clear();
            }
        });
        return ids.size();
    }

    /**
     * Whether anything may be stored under {@code key}; {@code false} lets a poll of the key leave out its lookups and
     * its scan (a first poll then reads nothing back of what it marks). Called when a poll begins, only when
     * {@link #supportsLookup}. The default answers {@code true}.
     */
    default boolean holdsAny(String key) throws Exception {
        return true;
    }

    /**
     * Stores write-ahead marks: records this store does not hold under {@code key} (a page's new records, after a
     * lookup found none of them), all or nothing, before their changes are delivered. Unless the store
     * {@linkplain #confirmsMarks confirms marks}, each comes with a zero fingerprint ({@link StoredRecord#isMark}). The
     * default {@linkplain #write writes} them.
     */
    default void insert(String key, Collection<StoredRecord> records) throws Exception {
        write(key, records, java.util.List.of());
    }

    /**
     * Whether this store takes each {@linkplain #insert mark} with the state its record has once delivered, reads it
     * back as a mark ({@link StoredRecord#asMark}) until the next successful {@link #write} of its key, and has that
     * write confirm every mark inserted under the key before it, even a write with nothing to put or remove. A poll
     * then writes a new record once. {@code false} unless overridden: a poll's write puts each delivered record over
     * its mark.
     */
    default boolean confirmsMarks() {
        return false;
    }

    /**
     * A consumer of {@code key} starts: marks left unconfirmed by an earlier one (stopped or killed before its write)
     * stay marks whatever later writes confirm. Called only when the store {@linkplain #confirmsMarks confirms marks}.
     */
    default void settlePendingMarks(String key) throws Exception {
    }

    /**
     * A poll of {@code key} begins: its lookups, scan and writes follow until {@link #pollEnded}, from one thread at a
     * time. A store may hold a resource for the poll meanwhile (the JDBC store holds one connection).
     */
    default void pollBegins(String key) throws Exception {
    }

    /** The poll of {@code key} has written its state (or failed to): what {@link #pollBegins} held is released. */
    default void pollEnded(String key) {
    }

    /** Stores {@code puts} and removes {@code removes} under {@code key}, all or nothing. */
    void write(String key, Collection<StoredRecord> puts, Collection<String> removes) throws Exception;

    /**
     * The small value stored under {@code key} (the check-in events cursor), or {@code null}.
     *
     * @throws DamagedStateException when it cannot be read
     */
    String getValue(String key) throws Exception;

    /** Replaces the value under {@code key}, atomically. */
    void setValue(String key, String value) throws Exception;

    /**
     * Forgets what is stored under {@code key} after a {@link DamagedStateException}, so that its consumer starts over
     * (option {@code damagedState=restart}). A store kept in one file that cannot be read at all sets the file aside
     * and starts empty.
     */
    void startOver(String key) throws Exception;

    /** Where the state of {@code key} is kept, for messages: a file, a table, a key. */
    String describe(String key);
}
