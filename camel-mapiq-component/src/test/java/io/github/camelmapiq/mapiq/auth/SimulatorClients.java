package io.github.camelmapiq.mapiq.auth;

import java.util.function.Consumer;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqTestSupport;
import io.github.camelmapiq.mapiq.http.MapiqClients;
import io.github.camelmapiq.mapiq.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.impl.DefaultCamelContext;

/** A component's clients pointed at a simulator, closed after each test. */
final class SimulatorClients implements AutoCloseable {

    final MapiqClients clients = new MapiqClients();
    private final DefaultCamelContext context = new DefaultCamelContext();
    private final MapiqSimulator sim;

    SimulatorClients(MapiqSimulator sim) {
        this.sim = sim;
    }

    MapiqHttpClient client() {
        return client(c -> {
        });
    }

    MapiqHttpClient client(Consumer<MapiqConfiguration> customizer) {
        MapiqConfiguration configuration = MapiqTestSupport.configuration(sim);
        customizer.accept(configuration);
        return clients.clientFor(configuration, context);
    }

    @Override
    public void close() {
        clients.close();
        context.close();
    }
}
