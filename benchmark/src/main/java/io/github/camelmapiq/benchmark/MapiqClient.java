package io.github.camelmapiq.benchmark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.User;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The component under test, used only through its public face: {@code mapiq:} endpoints in a Camel context whose
 * {@code mapiq} component is configured for the simulator's demo client. Each client has its own context, hence its
 * own token and connection pool.
 */
final class MapiqClient implements AutoCloseable {

    /** How long {@code operation=get} keeps the users' listing: longer than the {@code calls} case lasts. */
    static final String GET_CACHE_TTL = "10m";
    static final String GET_URI = "mapiq:users?operation=get&getCacheTtl=" + GET_CACHE_TTL;

    private final CamelContext context;
    /** Made once, on first use; read without a lock afterwards, so 16 callers do not queue on this client. */
    private volatile ProducerTemplate template;
    /** The {@code direct:} routes added so far, by name; looked up without a lock once added. */
    private final Map<String, Endpoint> routes = new ConcurrentHashMap<>();

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

    private ProducerTemplate template() {
        ProducerTemplate made = template;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (template == null) {
                context.start();
                template = context.createProducerTemplate();
            }
            return template;
        }
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
        Exchange answer = template().request(route("raw", "mapiq:raw?method=GET"),
                e -> e.getMessage().setHeader(MapiqConstants.PATH, pathAndQuery));
        if (answer.getException() != null) {
            throw answer.getException();
        }
        return answer.getMessage().getBody(String.class).length();
    }

    /**
     * {@code operation=get} of a user by id (header {@code CamelMapiqRecordId}) through a route ({@code direct:get →}
     * {@value #GET_URI}) as a user's route makes it. The first get lists every user; the next ones are answered from
     * that listing, without a call, while it is younger than the TTL (an id it lacks would list afresh once). Answers
     * 1, having checked that the body is the user asked for.
     */
    int get(String id) throws Exception {
        Exchange answer = template().request(route("get", GET_URI),
                e -> e.getMessage().setHeader(MapiqConstants.RECORD_ID, id));
        if (answer.getException() != null) {
            throw answer.getException();
        }
        User user = answer.getMessage().getBody(User.class);
        if (user == null || !id.equals(user.getId())) {
            throw new IllegalStateException("operation=get of user " + id + " answered " + user);
        }
        return 1;
    }

    /**
     * Adds route {@code direct:<name> → uri} once; answers its {@code direct:} endpoint, resolved once as a route's
     * {@code to} is (the camel-http route's caller holds its endpoint the same way).
     */
    private Endpoint route(String name, String uri) throws Exception {
        Endpoint known = routes.get(name);
        if (known != null) {
            return known;
        }
        synchronized (routes) {
            if (!routes.containsKey(name)) {
                String from = "direct:" + name;
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from(from).routeId("mapiq-" + name).to(uri);
                    }
                });
                routes.put(name, context.getEndpoint(from));
            }
            return routes.get(name);
        }
    }

    @Override
    public void close() throws Exception {
        if (template != null) {
            template.close();
        }
        context.stop();
    }
}
