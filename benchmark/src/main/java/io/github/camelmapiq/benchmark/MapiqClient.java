package io.github.camelmapiq.benchmark;

import java.util.List;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The component under test, used only through its public face: {@code mapiq:} endpoints in a Camel context whose
 * {@code mapiq} component is configured for the simulator's demo client. Each client has its own context, hence its
 * own token and connection pool.
 */
final class MapiqClient implements AutoCloseable {

    private final CamelContext context;
    private ProducerTemplate template;
    private volatile boolean rawRoute;

    MapiqClient(String baseUrl, String tokenUrl, int connections) {
        context = newContext(baseUrl, tokenUrl, connections);
    }

    /** A not yet started context with a {@code mapiq} component configured for the simulator. */
    static CamelContext newContext(String baseUrl, String tokenUrl, int connections) {
        DefaultCamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        MapiqComponent component = new MapiqComponent();
        MapiqConfiguration configuration = component.getConfiguration();
        configuration.setBaseUrl(baseUrl);
        configuration.setTokenUrl(tokenUrl);
        configuration.setClientId(MapiqSimulator.DEMO_CLIENT_ID);
        configuration.setClientSecret(MapiqSimulator.DEMO_CLIENT_SECRET);
        configuration.setMaxConnections(connections);
        context.addComponent("mapiq", component);
        return context;
    }

    CamelContext context() {
        return context;
    }

    private synchronized ProducerTemplate template() {
        if (template == null) {
            context.start();
            template = context.createProducerTemplate();
        }
        return template;
    }

    /** {@code operation=list}: one exchange whose body is the list of every record of the window. */
    long list(Window window) throws Exception {
        Exchange answer = template().request("mapiq:workspace-reservations?operation=list&" + window.mapiqOptions(),
                e -> e.getMessage().setBody(null));
        if (answer.getException() != null) {
            throw answer.getException();
        }
        return answer.getMessage().getBody(List.class).size();
    }

    /**
     * {@code mapiq:raw} GET of a path under the API base, through a route ({@code direct:raw → mapiq:raw}) as a user's
     * route makes it, its endpoint resolved once like the camel-http route's; answers the length of the answer's text.
     */
    int raw(String pathAndQuery) throws Exception {
        if (!rawRoute) {
            synchronized (this) {
                if (!rawRoute) {
                    context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:raw").routeId("mapiq-raw").to("mapiq:raw?method=GET");
                        }
                    });
                    rawRoute = true;
                }
            }
        }
        Exchange answer = template().request("direct:raw",
                e -> e.getMessage().setHeader(MapiqConstants.PATH, pathAndQuery));
        if (answer.getException() != null) {
            throw answer.getException();
        }
        return answer.getMessage().getBody(String.class).length();
    }

    @Override
    public void close() throws Exception {
        if (template != null) {
            template.close();
        }
        context.stop();
    }
}
