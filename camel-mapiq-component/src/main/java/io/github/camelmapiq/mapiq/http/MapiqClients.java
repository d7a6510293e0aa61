package io.github.camelmapiq.mapiq.http;

import java.io.Closeable;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import org.apache.camel.CamelContext;

/**
 * A component's shared HTTP clients and token managers: one token manager per credential set (token URL, client id,
 * secret, scope), one pooled HTTP client per distinct connection setting.
 * <p>
 * SKELETON: to be implemented by the component-core work (issue 3).
 */
public final class MapiqClients implements Closeable {

    /** The client for an endpoint's configuration (property placeholders already resolved). */
    public MapiqHttpClient clientFor(MapiqConfiguration configuration, CamelContext context) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    @Override
    public void close() {
    }
}
