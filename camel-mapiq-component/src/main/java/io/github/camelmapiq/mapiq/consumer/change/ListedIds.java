package io.github.camelmapiq.mapiq.consumer.change;

import io.github.camelmapiq.mapiq.consumer.state.IndexedSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.RecordFingerprint;
import io.github.camelmapiq.mapiq.consumer.state.UuidIds;

/**
 * The ids one poll has listed, for a tracker that keeps no record in the heap between polls: each id as a 128-bit key
 * (a canonical UUID as its own two longs, so exactly; any other id as its 128-bit {@linkplain RecordFingerprint#ofText
 * hash}) in an open-addressing table kept at most three quarters full: 16 bytes per slot, so 21 to 43 bytes per listed
 * id, freed with the poll. Two different non-UUID ids share a key with a probability of about n²/2¹²⁹ for n listed ids
 * (below 10⁻²⁶ for a million), which would make the second look listed twice. Not thread-safe: one poll's thread uses
 * it.
 */
final class ListedIds {

    /** Where stored records are noted, or {@code null}. */
    private final IndexedSnapshotStore index;
    private long[] keys = new long[2 * 1024];
    private int mask = 1023;
    private int size;
    /** Whether the key (0, 0), which marks an empty slot, is in the set. */
    private boolean zero;

    ListedIds() {
        this(null);
    }

    /** @param index where the ids of the records it holds are noted, or {@code null} */
    ListedIds(IndexedSnapshotStore index) {
        this.index = index;
    }

    /** Adds {@code id}: {@code true} if it was not listed before. */
    boolean add(String id) {
        int inIndex = index == null ? -1 : index.markListed(id);
        if (inIndex >= 0) { // a record marked in the store during the poll may have been listed here before
            return inIndex == 1 && !inTable(id);
        }
        long[] key = UuidIds.key(id);
        if (key[0] == 0 && key[1] == 0) {
            boolean added = !zero;
            zero = true;
            return added;
        }
        if (size + 1 > (mask + 1) / 4 * 3) {
            grow();
        }
        if (!insert(keys, mask, key[0], key[1])) {
            return false;
        }
        size++;
        return true;
    }

    boolean contains(String id) {
        return index != null && index.listed(id) || inTable(id);
    }

    private boolean inTable(String id) {
        if (size == 0 && !zero) {
            return false;
        }
        long[] key = UuidIds.key(id);
        if (key[0] == 0 && key[1] == 0) {
            return zero;
        }
        for (int slot = home(key[0], key[1], mask);; slot = slot + 1 & mask) {
            long high = keys[2 * slot];
            long low = keys[2 * slot + 1];
            if (high == 0 && low == 0) {
                return false;
            }
            if (high == key[0] && low == key[1]) {
                return true;
            }
        }
    }

    int size() {
        return size + (zero ? 1 : 0);
    }

    /** Puts the key in {@code table} unless present: whether it was added. */
    private static boolean insert(long[] table, int mask, long high, long low) {
        for (int slot = home(high, low, mask);; slot = slot + 1 & mask) {
            long h = table[2 * slot];
            long l = table[2 * slot + 1];
            if (h == 0 && l == 0) {
                table[2 * slot] = high;
                table[2 * slot + 1] = low;
                return true;
            }
            if (h == high && l == low) {
                return false;
            }
        }
    }

    private void grow() {
        int newMask = mask * 2 + 1;
        long[] table = new long[2 * (newMask + 1)];
        for (int slot = 0; slot <= mask; slot++) {
            long high = keys[2 * slot];
            long low = keys[2 * slot + 1];
            if (high != 0 || low != 0) {
                insert(table, newMask, high, low);
            }
        }
        keys = table;
        mask = newMask;
    }

    private static int home(long high, long low, int mask) {
        long h = high * 0x9E3779B97F4A7C15L ^ low;
        h ^= h >>> 31;
        return (int) h & mask;
    }
}
