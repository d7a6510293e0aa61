package io.github.camelmapiq.simulator.api;

import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.Resource;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Reply;

/** DELETE a workspace reservation (v2 by path, v1 by query parameter): 204, 404 for an unknown id; logged. */
final class ReservationDeletion {

    private final DataStore store;
    private final WriteLog log;

    ReservationDeletion(DataStore store, WriteLog log) {
        this.store = store;
        this.log = log;
    }

    Reply delete(String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.field("id", "The id of the reservation is required.");
        }
        if (store.remove(Resource.WORKSPACE_RESERVATIONS, id) == null) {
            throw ApiException.notFound("No workspace reservation with id '" + id + "' exists.");
        }
        log.deletion(id);
        return Reply.empty(204);
    }
}
