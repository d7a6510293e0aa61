package io.github.camelmapiq.mapiq.consumer;

import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqResource;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/**
 * Creates the consumer of an endpoint, validating its options first so that a misconfigured route fails at startup
 * with a message naming the option.
 */
public final class MapiqConsumers {

    private MapiqConsumers() {
    }

    public static Consumer create(MapiqEndpoint endpoint, Processor processor) {
        MapiqResource resource = endpoint.getResource();
        if (!resource.isReadable()) {
            throw new IllegalArgumentException(
                    "mapiq:" + resource.uriName() + " supports only producers; consumers can poll "
                                               + "workdays, workspace-reservations, parking-reservations, checkin-events, "
                                               + "checkin-statuses, users, buildings and parking-lots");
        }
        if (endpoint.getSettings().operation() != null) {
            throw new IllegalArgumentException(
                    "operation=" + endpoint.getSettings().operation() + " applies to producers (to, enrich); a "
                                               + "consumer (from) of mapiq:" + resource.uriName() + " always polls: remove it");
        }
        if (endpoint.getDelay() <= 0) {
            throw new IllegalArgumentException("Invalid delay " + endpoint.getDelay() + " for mapiq:"
                                               + resource.uriName() + ": must be more than 0 (milliseconds, or a "
                                               + "duration such as 60s); 0 would poll Mapiq in a busy loop");
        }
        return new MapiqPollingConsumer(endpoint, processor, endpoint.getSettings().pollQuery());
    }
}
