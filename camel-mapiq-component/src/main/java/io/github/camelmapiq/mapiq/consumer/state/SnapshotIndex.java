package io.github.camelmapiq.mapiq.consumer.state;

/**
 * What snapshot change detection remembers of each delivered record, in parallel arrays rather than one object per
 * record: the id (a canonical UUID as its two longs; any other id as its 128-bit hash plus the text), a 128-bit
 * {@linkplain RecordFingerprint fingerprint} of the record as sent, the epoch day placing it in a date window, the poll
 * that last listed it, and optionally (option {@code deletedRecordBodies}) its last body {@linkplain PackedJson packed}.
 * A record costs about 45 bytes per slot (UUID ids, no bodies) in an open-addressing table kept at most three quarters
 * full. Not thread-safe: its user synchronizes.
 */
public final class SnapshotIndex {

    /** The day of a record that has none (an undated resource, or a date Mapiq did not send). */
    public static final int NO_DAY = Integer.MIN_VALUE;

    private static final byte EMPTY = 0;
    private static final byte STORED = 1;

    /** What is kept of one record, outside the table: in a change delivered, or loaded or stored state. */
    public record Entry(long fingerprintHigh, long fingerprintLow, int day, byte[] packedBody) {
    }

    /** Stands for a record removed, among records put (changes to write, or read back). */
    public static final Entry REMOVED = new Entry(0, 0, Integer.MIN_VALUE, null);

    private final boolean keepBodies;
    private byte[] state;
    private long[] idHigh;
    private long[] idLow;
    private String[] textIds;
    private long[] fingerprintHigh;
    private long[] fingerprintLow;
    private int[] day;
    /** The poll that last listed each record ({@link #markListed}). */
    private int[] listedIn;
    private byte[][] bodies;
    private int size;
    private int mask;

    public SnapshotIndex(boolean keepBodies) {
        this.keepBodies = keepBodies;
        allocate(1024);
    }

    private void allocate(int capacity) {
        state = new byte[capacity];
        idHigh = new long[capacity];
        idLow = new long[capacity];
        textIds = null;
        fingerprintHigh = new long[capacity];
        fingerprintLow = new long[capacity];
        day = new int[capacity];
        listedIn = new int[capacity];
        bodies = keepBodies ? new byte[capacity][] : null;
        mask = capacity - 1;
        size = 0;
    }

    public void clear() {
        allocate(1024);
    }

    /** Records stored or pending. */
    public int size() {
        return size;
    }

    public boolean keepsBodies() {
        return keepBodies;
    }

    /** The slot of {@code id}, or -1. */
    public int find(String id) {
        long[] key = UuidIds.key(id);
        long high = key[0];
        long low = key[1];
        for (int slot = home(high, low);; slot = slot + 1 & mask) {
            if (state[slot] == EMPTY) {
                return -1;
            }
            if (idHigh[slot] == high && idLow[slot] == low) {
                return slot;
            }
        }
    }

    /** Notes that poll {@code poll} listed the record in {@code slot}: {@code false} if it had already. */
    public boolean markListed(int slot, int poll) {
        boolean first = listedIn[slot] != poll;
        listedIn[slot] = poll;
        return first;
    }

    /** Whether poll {@code poll} listed the record in {@code slot}. */
    public boolean listedIn(int slot, int poll) {
        return listedIn[slot] == poll;
    }

    public int day(int slot) {
        return day[slot];
    }

    public Entry entry(int slot) {
        return new Entry(fingerprintHigh[slot], fingerprintLow[slot], day[slot], bodies == null ? null : bodies[slot]);
    }

    public String id(int slot) {
        String text = textIds == null ? null : textIds[slot];
        return text != null ? text : UuidIds.text(idHigh[slot], idLow[slot]);
    }

    /** Stores (or replaces) the record {@code id}. */
    public void put(String id, Entry entry) {
        if (size + 1 > (mask + 1) / 4 * 3) {
            grow();
        }
        long[] uuid = UuidIds.bits(id);
        boolean text = uuid == null;
        long[] key = text ? UuidIds.textKey(id) : uuid;
        long high = key[0];
        long low = key[1];
        int slot = home(high, low);
        while (state[slot] != EMPTY && !(idHigh[slot] == high && idLow[slot] == low)) {
            slot = slot + 1 & mask;
        }
        if (state[slot] == EMPTY) {
            size++;
            listedIn[slot] = 0;
        }
        state[slot] = STORED;
        idHigh[slot] = high;
        idLow[slot] = low;
        if (text) {
            if (textIds == null) {
                textIds = new String[mask + 1];
            }
            textIds[slot] = id;
        }
        fingerprintHigh[slot] = entry.fingerprintHigh();
        fingerprintLow[slot] = entry.fingerprintLow();
        day[slot] = entry.day();
        if (bodies != null) {
            bodies[slot] = entry.packedBody();
        }
    }

    /** Removes the record {@code id} if present. */
    public void remove(String id) {
        int slot = find(id);
        if (slot >= 0) {
            removeSlot(slot);
        }
    }

    /** Removes a slot, moving later records of its probe run back so that none becomes unreachable. */
    private void removeSlot(int hole) {
        size--;
        int i = hole;
        for (int j = i + 1 & mask; state[j] != EMPTY; j = j + 1 & mask) {
            int k = home(idHigh[j], idLow[j]);
            boolean stays = i <= j ? i < k && k <= j : i < k || k <= j;
            if (!stays) {
                move(j, i);
                i = j;
            }
        }
        clearSlot(i);
    }

    private void move(int from, int to) {
        state[to] = state[from];
        idHigh[to] = idHigh[from];
        idLow[to] = idLow[from];
        if (textIds != null) {
            textIds[to] = textIds[from];
        }
        fingerprintHigh[to] = fingerprintHigh[from];
        fingerprintLow[to] = fingerprintLow[from];
        day[to] = day[from];
        listedIn[to] = listedIn[from];
        if (bodies != null) {
            bodies[to] = bodies[from];
        }
    }

    private void clearSlot(int slot) {
        state[slot] = EMPTY;
        if (textIds != null) {
            textIds[slot] = null;
        }
        if (bodies != null) {
            bodies[slot] = null;
        }
    }

    private void grow() {
        byte[] oldState = state;
        long[] oldHigh = idHigh;
        long[] oldLow = idLow;
        String[] oldText = textIds;
        long[] oldFpHigh = fingerprintHigh;
        long[] oldFpLow = fingerprintLow;
        int[] oldDay = day;
        int[] oldListedIn = listedIn;
        byte[][] oldBodies = bodies;
        allocate(oldState.length * 2);
        if (oldText != null) {
            textIds = new String[mask + 1];
        }
        for (int from = 0; from < oldState.length; from++) {
            if (oldState[from] == EMPTY) {
                continue;
            }
            int slot = home(oldHigh[from], oldLow[from]);
            while (state[slot] != EMPTY) {
                slot = slot + 1 & mask;
            }
            state[slot] = oldState[from];
            idHigh[slot] = oldHigh[from];
            idLow[slot] = oldLow[from];
            if (oldText != null) {
                textIds[slot] = oldText[from];
            }
            fingerprintHigh[slot] = oldFpHigh[from];
            fingerprintLow[slot] = oldFpLow[from];
            day[slot] = oldDay[from];
            listedIn[slot] = oldListedIn[from];
            if (oldBodies != null) {
                bodies[slot] = oldBodies[from];
            }
            size++;
        }
    }

    /** The slots of stored records, in table order; {@code -1} past the last. */
    public int nextStored(int after) {
        for (int slot = after + 1; slot < state.length; slot++) {
            if (state[slot] == STORED) {
                return slot;
            }
        }
        return -1;
    }

    private int home(long high, long low) {
        long h = high * 0x9E3779B97F4A7C15L ^ low;
        h ^= h >>> 31;
        return (int) h & mask;
    }
}
