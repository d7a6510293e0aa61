package io.github.camelmapiq.mapiq;

import java.time.Clock;
import java.util.function.Consumer;

import io.github.camelmapiq.mapiq.client.http.MapiqClients;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.impl.DefaultCamelContext;

/** A component's clients (token managers and pools) pointed at a simulator, closed after each test. */
public final class SimulatorClients implements AutoCloseable {

    private final MapiqClients clients;
    private final DefaultCamelContext context = new DefaultCamelContext();
    private final MapiqSimulator sim;

    public SimulatorClients(MapiqSimulator sim) {
        this(sim, Clock.systemUTC());
    }

    /** With the clock that decides when tokens are refreshed (share it with the simulator to move time on both). */
    public SimulatorClients(MapiqSimulator sim, Clock clock) {
        this.sim = sim;
        this.clients = new MapiqClients(clock);
    }

    /** The shared clients, for their statistics. */
    public MapiqClients clients() {
        return clients;
    }

    /** A client with the simulator's demo configuration. */
    public MapiqHttpClient client() {
        return client(c -> {
        });
    }

    /** A client with the demo configuration changed by {@code customizer}. */
    public MapiqHttpClient client(Consumer<MapiqConfiguration> customizer) {
        MapiqConfiguration configuration = MapiqTestSupport.configuration(sim);
        customizer.accept(configuration);
        return clients.clientFor(MapiqClientSettings.of(configuration, context));
    }

    @Override
    public void close() {
        clients.close();
        context.stop();
    }
}
