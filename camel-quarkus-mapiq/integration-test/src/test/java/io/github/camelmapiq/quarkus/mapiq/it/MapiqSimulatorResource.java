package io.github.camelmapiq.quarkus.mapiq.it;

import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Mapiq simulator on a free loopback port before the application and points the component at it. The
 * credentials stay those of application.properties, read from the environment. The test reaches the simulator's
 * control plane over HTTP, at the URL of the system property {@link #URL_PROPERTY}.
 */
public class MapiqSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "mapiq.simulator.url";

    private MapiqSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = MapiqSimulator.builder().start();
        System.setProperty(URL_PROPERTY, simulator.baseUrl());
        return Map.of(
                "camel.component.mapiq.base-url", simulator.baseUrl(),
                "camel.component.mapiq.token-url", simulator.tokenUrl());
    }

    @Override
    public void stop() {
        System.clearProperty(URL_PROPERTY);
        if (simulator != null) {
            simulator.close();
        }
    }
}
