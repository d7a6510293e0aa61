package io.github.camelmapiq.mapiq.consumer.change;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.camelmapiq.mapiq.client.query.DateWindow;
import io.github.camelmapiq.mapiq.consumer.state.IndexedSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotIndex;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;

/**
 * The stored records a complete listing did not list, found by one {@linkplain SnapshotStore#scan scan} of the store
 * (for {@link SnapshotChangeTracker}): those inside the listing's window, or without a day, were deleted; the
 * others left the window and are forgotten without an exchange. Changes delivered but not written yet (after a failed
 * write) count as stored.
 */
final class GoneRecords implements SnapshotStore.Loader {

    /** Deleted: not listed, inside the window. */
    final List<StoredRecord> deleted = new ArrayList<>();
    /** Not listed, outside the window. */
    final List<String> outOfWindow = new ArrayList<>();
    private final ListedIds listed;
    private final DateWindow window;
    private final PendingWrites pending;
    private final long room;

    /**
     * @param window  the listing's date window, or {@code null} when it had none
     * @param pending the changes not written yet, guarded by its own monitor
     * @param room    how many deleted records to collect at most (the rest is left for the next poll)
     */
    private GoneRecords(ListedIds listed, DateWindow window, PendingWrites pending, long room) {
        this.listed = listed;
        this.window = window;
        this.pending = pending;
        this.room = room;
    }

    static GoneRecords find(SnapshotStore store, String key, ListedIds listed, DateWindow window,
                            PendingWrites pending, long room) throws Exception {
        GoneRecords gone = new GoneRecords(listed, window, pending, room);
        if (store instanceof IndexedSnapshotStore indexed) {
            indexed.scanUnlisted(gone); // the records listed are marked in the index: only the others are passed
        } else if (store != null) { // null: nothing was stored when the poll began
            store.scan(key, gone);
        }
        synchronized (pending) {
            pending.forEachPut((id, entry) -> gone.sort(new StoredRecord(id, entry.fingerprintHigh(),
                    entry.fingerprintLow(), entry.day(), entry.packedBody())));
        }
        return gone;
    }

    @Override
    public void put(StoredRecord record) {
        SnapshotIndex.Entry unwritten;
        synchronized (pending) {
            unwritten = pending.get(record.id());
        }
        if (unwritten == null) {
            sort(record);
        }
    }

    @Override
    public void remove(String id) {
        // a scan passes each stored record once: nothing to undo
    }

    @Override
    public void clear() {
        deleted.clear();
        outOfWindow.clear();
    }

    private void sort(StoredRecord record) {
        if (listed.contains(record.id())) {
            return;
        }
        if (!insideWindow(record.day())) {
            outOfWindow.add(record.id()); // left the window: not deleted, just out of sight
        } else if (deleted.size() < room) {
            deleted.add(record);
        }
    }

    /** Records whose date is unknown count as inside, so that a deletion is never missed. */
    private boolean insideWindow(int day) {
        return window == null || day == SnapshotIndex.NO_DAY || window.contains(LocalDate.ofEpochDay(day));
    }
}
