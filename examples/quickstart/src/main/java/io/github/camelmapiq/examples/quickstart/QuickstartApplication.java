package io.github.camelmapiq.examples.quickstart;

import java.util.Properties;

import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.main.Main;

/**
 * Runs the YAML routes of {@code src/main/resources/routes} once against Mapiq, then stops.
 * <p>
 * Without credentials in the environment it starts the embedded Mapiq simulator and uses its demo client; with
 * {@code MAPIQ_CLIENT_ID} and {@code MAPIQ_CLIENT_SECRET} set it talks to the real Mapiq API (optionally
 * {@code MAPIQ_BASE_URL} and {@code MAPIQ_TOKEN_URL}).
 */
public final class QuickstartApplication {

    private QuickstartApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("MAPIQ_CLIENT_ID") != null) {
            run(new Properties(), args);
            return;
        }
        try (MapiqSimulator simulator = MapiqSimulator.builder().start()) {
            System.out.println("No MAPIQ_CLIENT_ID set: using the embedded Mapiq simulator at " + simulator.baseUrl());
            run(simulatorProperties(simulator), args);
        }
    }

    /** The properties that point the routes at a simulator with its demo client. */
    public static Properties simulatorProperties(MapiqSimulator simulator) {
        Properties properties = new Properties();
        properties.setProperty("mapiq.baseUrl", simulator.baseUrl());
        properties.setProperty("mapiq.tokenUrl", simulator.tokenUrl());
        properties.setProperty("mapiq.clientId", MapiqSimulator.DEMO_CLIENT_ID);
        properties.setProperty("mapiq.clientSecret", MapiqSimulator.DEMO_CLIENT_SECRET);
        properties.setProperty("quickstart.postCheckin", "true");
        return properties;
    }

    /** Runs the routes with {@code overrides} on top of {@code application.properties}; returns when they are idle. */
    public static void run(Properties overrides, String... args) throws Exception {
        Main main = new Main(QuickstartApplication.class);
        main.setOverrideProperties(overrides);
        main.run(args);
    }
}
