package io.github.camelmapiq.mapiq.consumer.change;

import io.github.camelmapiq.mapiq.ConsumerSettings;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.consumer.state.SnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StateRepositorySlot;

/**
 * Picks the change detection of a consumer from its resource, {@code changesOnly} and whether its state store looks
 * records up (then no record is kept in the heap between polls).
 */
public final class ChangeTrackers {

    private ChangeTrackers() {
    }

    public static ChangeTracker create(MapiqEndpoint endpoint, StateRepositorySlot store, SnapshotStore recordStore, String key) {
        ConsumerSettings settings = endpoint.getSettings().consumer();
        MapiqResource resource = endpoint.getResource();
        if (!settings.changesOnly()) {
            return new EveryRecordTracker(resource);
        }
        if (resource == MapiqResource.CHECKIN_EVENTS) {
            return new CheckinEventCursorTracker(store, MapiqJson.mapper(),
                                                 settings.checkinOverlap());
        }
        if (recordStore != null && recordStore.supportsLookup()) {
            return new StoredSnapshotChangeTracker(resource, recordStore, key, settings.deletedRecordBodies());
        }
        return new SnapshotChangeTracker(resource, store, recordStore, key, settings.deletedRecordBodies());
    }
}
