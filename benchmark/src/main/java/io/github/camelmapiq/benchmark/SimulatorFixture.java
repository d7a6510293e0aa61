package io.github.camelmapiq.benchmark;

import java.time.Duration;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The embedded simulator the scenarios measure against (loopback, rate limit off), and fresh Camel contexts whose
 * {@code mapiq} component talks to it. Each scenario gets its own context, hence its own token and connection pool,
 * so token counts and pools do not leak from one scenario into the next.
 */
final class SimulatorFixture implements AutoCloseable {

    private final int users;
    private MapiqSimulator simulator;

    SimulatorFixture(int users) {
        this.users = users;
    }

    /** Generates the data and starts serving it; answers how long that took. */
    Duration start() {
        long t0 = System.nanoTime();
        simulator = MapiqSimulator.builder().host("127.0.0.1").port(0).seed(42L).users(users).rateLimitPerSecond(0)
                .tokenLifetime(Duration.ofHours(1)).start();
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /**
     * Throws the simulator away and starts a new one with the same data, after a scenario that ran the shared heap
     * out of memory (a server thread may have died with it).
     */
    void restart() {
        close();
        simulator = null;
        HeapMeter.settledHeapUsed();
        start();
    }

    MapiqSimulator simulator() {
        return simulator;
    }

    int users() {
        return users;
    }

    /** A started-later Camel context with a {@code mapiq} component configured for the simulator's demo client. */
    CamelContext newCamelContext() {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        MapiqComponent component = new MapiqComponent();
        MapiqConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(simulator.baseUrl());
        configuration.setTokenUrl(simulator.tokenUrl());
        configuration.setClientId(MapiqSimulator.DEMO_CLIENT_ID);
        configuration.setClientSecret(MapiqSimulator.DEMO_CLIENT_SECRET);
        configuration.setMaxConnections(32);
        context.addComponent("mapiq", component);
        return context;
    }

    @Override
    public void close() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
