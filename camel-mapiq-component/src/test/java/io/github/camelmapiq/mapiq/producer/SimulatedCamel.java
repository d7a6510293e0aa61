package io.github.camelmapiq.mapiq.producer;

import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * A started Camel context whose {@code mapiq} component talks to a simulator over loopback HTTP, as a user would
 * configure it (base URL, token URL, client id and secret on the component).
 */
public final class SimulatedCamel implements AutoCloseable {

    public final DefaultCamelContext context = new DefaultCamelContext();
    public final ProducerTemplate template;

    private SimulatedCamel(MapiqSimulator sim, String clientId, String clientSecret, RoutesBuilder... routes)
            throws Exception {
        MapiqComponent component = new MapiqComponent();
        MapiqConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(sim.baseUrl());
        configuration.setTokenUrl(sim.tokenUrl());
        configuration.setClientId(clientId);
        configuration.setClientSecret(clientSecret);
        configuration.setRetryInitialDelay(20);
        context.addComponent("mapiq", component);
        context.getPropertiesComponent().addInitialProperty("mapiq.baseUrl", sim.baseUrl());
        for (RoutesBuilder route : routes) {
            context.addRoutes(route);
        }
        try {
            context.start();
        } catch (RuntimeException e) {
            context.stop(); // a route that fails to start must not leave threads behind
            throw e;
        }
        template = context.createProducerTemplate();
    }

    /** With the simulator's demo client, which has every permission. */
    public static SimulatedCamel start(MapiqSimulator sim, RoutesBuilder... routes) throws Exception {
        return new SimulatedCamel(sim, MapiqSimulator.DEMO_CLIENT_ID, MapiqSimulator.DEMO_CLIENT_SECRET, routes);
    }

    public static SimulatedCamel start(MapiqSimulator sim, String clientId, String clientSecret, RoutesBuilder... routes)
            throws Exception {
        return new SimulatedCamel(sim, clientId, clientSecret, routes);
    }

    /** Loads route files (YAML, XML) from the classpath, as Camel Main does with {@code routes-include-pattern}. */
    public SimulatedCamel loadRoutes(String... classpathFiles) throws Exception {
        for (String file : classpathFiles) {
            PluginHelper.getRoutesLoader(context)
                    .loadRoutes(ResourceHelper.resolveMandatoryResource(context, "classpath:" + file));
        }
        return this;
    }

    /** Sends and answers the exchange, failed or not (its exception is for the test to assert). */
    public Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    public Exchange send(String uri, Object body) {
        return send(uri, body, Map.of());
    }

    @Override
    public void close() {
        context.stop();
    }
}
