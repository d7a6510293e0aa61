package io.github.camelmapiq.mapiq.consumer.change;

import io.github.camelmapiq.mapiq.ConsumerSettings;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.consumer.state.IndexedSnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StateRepositorySlot;

/**
 * Picks the change detection of a consumer from its resource and {@code changesOnly}. A snapshot's state is a
 * {@link SnapshotStore}: the store the options name when it looks records up (then no record is kept in the heap
 * between polls), else an {@link IndexedSnapshotStore} over that store or over the {@code stateRepository}.
 */
public final class ChangeTrackers {

    private ChangeTrackers() {
    }

    /**
     * @param slot        the consumer's slot of its {@code stateRepository}
     * @param recordStore the store the options name, or {@code null}: the state then lives in the slot
     */
    public static ChangeTracker create(MapiqEndpoint endpoint, StateRepositorySlot slot, SnapshotStore recordStore,
                                       String key) {
        ConsumerSettings settings = endpoint.getSettings().consumer();
        MapiqResource resource = endpoint.getResource();
        if (!settings.changesOnly()) {
            return new EveryRecordTracker(resource);
        }
        if (resource == MapiqResource.CHECKIN_EVENTS) {
            return new CheckinEventCursorTracker(slot, MapiqJson.mapper(), settings.checkinOverlap());
        }
        boolean bodies = settings.deletedRecordBodies();
        SnapshotStore store = recordStore != null && recordStore.supportsLookup() ? recordStore
                : new IndexedSnapshotStore(slot, recordStore, key, bodies);
        return new SnapshotChangeTracker(resource, store, key, bodies, recordStore != null);
    }
}
