package io.github.camelmapiq.examples.hawtio;

import java.util.Properties;

import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.main.Main;

/**
 * One JVM with the Mapiq simulator, Camel Main running the YAML routes of {@code src/main/resources/routes} (which
 * poll Mapiq), and the Hawtio console showing those routes and their {@code mapiq:} endpoints. Runs until Ctrl+C.
 * <p>
 * Without credentials in the environment it starts the embedded Mapiq simulator and uses its demo client; with
 * {@code MAPIQ_CLIENT_ID} and {@code MAPIQ_CLIENT_SECRET} set it polls the real Mapiq API instead.
 */
public final class HawtioApplication {

    private HawtioApplication() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getenv("MAPIQ_CLIENT_ID") != null) {
            newMain(new Properties(), new HawtioConsoleLifecycle()).run(args);
            return;
        }
        try (MapiqSimulator simulator = MapiqSimulator.builder().start()) {
            System.out.println("No MAPIQ_CLIENT_ID set: using the embedded Mapiq simulator at " + simulator.baseUrl());
            newMain(simulatorProperties(simulator), new HawtioConsoleLifecycle()).run(args);
        }
    }

    /** The properties that point the routes at a simulator with its demo client. */
    public static Properties simulatorProperties(MapiqSimulator simulator) {
        Properties properties = new Properties();
        properties.setProperty("mapiq.baseUrl", simulator.baseUrl());
        properties.setProperty("mapiq.tokenUrl", simulator.tokenUrl());
        properties.setProperty("mapiq.clientId", MapiqSimulator.DEMO_CLIENT_ID);
        properties.setProperty("mapiq.clientSecret", MapiqSimulator.DEMO_CLIENT_SECRET);
        return properties;
    }

    /**
     * The application: Camel Main with {@code overrides} on top of {@code application.properties}, and Hawtio
     * started by {@code hawtio} once Camel runs. {@link Main#run} it; {@link Main#completed()} stops it.
     */
    public static Main newMain(Properties overrides, HawtioConsoleLifecycle hawtio) {
        Main main = new Main(HawtioApplication.class);
        main.setOverrideProperties(overrides);
        main.addMainListener(hawtio);
        return main;
    }
}
