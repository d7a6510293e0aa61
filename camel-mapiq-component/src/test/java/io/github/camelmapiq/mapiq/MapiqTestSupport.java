package io.github.camelmapiq.mapiq;

import io.github.camelmapiq.simulator.MapiqSimulator;

/** Configurations pointing at a simulator with its demo client, as a user would configure the component. */
public final class MapiqTestSupport {

    private MapiqTestSupport() {
    }

    /** Demo credentials, the simulator's URLs and short retry delays (tests do not wait for production backoffs). */
    public static MapiqConfiguration configuration(MapiqSimulator sim) {
        MapiqConfiguration c = new MapiqConfiguration();
        c.setBaseUrl(sim.baseUrl());
        c.setTokenUrl(sim.tokenUrl());
        c.setClientId(MapiqSimulator.DEMO_CLIENT_ID);
        c.setClientSecret(MapiqSimulator.DEMO_CLIENT_SECRET);
        c.setRetryInitialDelay(10);
        c.setMaxRetryWait(2_000);
        return c;
    }

    /** The same as endpoint URI options. */
    public static String uriOptions(MapiqSimulator sim) {
        return "baseUrl=" + sim.baseUrl() + "&tokenUrl=" + sim.tokenUrl() + "&clientId="
               + MapiqSimulator.DEMO_CLIENT_ID + "&clientSecret=" + MapiqSimulator.DEMO_CLIENT_SECRET
               + "&retryInitialDelay=10";
    }

    /** A component whose configuration points at the simulator. */
    public static MapiqComponent component(MapiqSimulator sim) {
        MapiqComponent component = new MapiqComponent();
        component.setConfiguration(configuration(sim));
        return component;
    }

    /** Every message of the cause chain, as a user reading a startup error sees them. */
    public static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }
}
