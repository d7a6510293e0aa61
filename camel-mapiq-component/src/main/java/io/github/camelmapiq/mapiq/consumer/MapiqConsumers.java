package io.github.camelmapiq.mapiq.consumer;

import io.github.camelmapiq.mapiq.MapiqEndpoint;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;

/**
 * Picks the consumer for an endpoint's resource.
 * <p>
 * SKELETON: the consumers work (issue 4) implements it.
 */
public final class MapiqConsumers {

    private MapiqConsumers() {
    }

    public static Consumer create(MapiqEndpoint endpoint, Processor processor) {
        throw new UnsupportedOperationException("mapiq consumers are not implemented yet");
    }
}
