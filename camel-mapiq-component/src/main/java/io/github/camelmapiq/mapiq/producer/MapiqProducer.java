package io.github.camelmapiq.mapiq.producer;

import io.github.camelmapiq.mapiq.MapiqEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Dispatches each exchange to the operation it asks for.
 * <p>
 * SKELETON: the producers work (issue 5) implements it.
 */
public class MapiqProducer extends DefaultProducer {

    public MapiqProducer(MapiqEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MapiqEndpoint getEndpoint() {
        return (MapiqEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        throw new UnsupportedOperationException("mapiq producers are not implemented yet");
    }
}
