package io.github.camelmapiq.mapiq;

import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.github.camelmapiq.mapiq.http.MapiqClients;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The {@code mapiq:} component. Options set here are shared by all its endpoints (each endpoint may override them).
 * It owns the token managers (one per credential set) and the pooled HTTP clients its endpoints share, so two component
 * instances (say {@code mapiq} and {@code mapiq-eu}) talk to two subscriptions independently.
 */
@Component(MapiqConstants.SCHEME)
public class MapiqComponent extends DefaultComponent {

    @Metadata(description = "Component configuration: its options are the defaults of every endpoint.")
    private MapiqConfiguration configuration = new MapiqConfiguration();

    private final MapiqClients clients = new MapiqClients();
    private ExecutorService listingExecutor;

    public MapiqComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        MapiqResource resource = MapiqResource.fromUri(remaining);
        String endpointName = uri.substring(0, Math.max(uri.indexOf(':'), 0)) + ":" + remaining;
        EndpointOptionValues.check(endpointName, parameters, new MapiqEndpointConfigurer());
        MapiqEndpoint endpoint = new MapiqEndpoint(uri, this, resource, configuration.copy());
        setProperties(endpoint, parameters);
        return endpoint;
    }

    public MapiqConfiguration getConfiguration() {
        return configuration;
    }

    /** Component configuration: its options are the defaults of every endpoint. */
    public void setConfiguration(MapiqConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The token managers and HTTP clients shared by this component's endpoints. */
    public MapiqClients getClients() {
        return clients;
    }

    /**
     * Where listings fetch their next page while the route works on the current one: a cached pool of Camel's
     * {@code ExecutorServiceManager}, created on first use and shut down with the component.
     */
    public synchronized ExecutorService getListingExecutor() {
        if (listingExecutor == null) {
            listingExecutor = getCamelContext().getExecutorServiceManager().newCachedThreadPool(this, "MapiqListing");
        }
        return listingExecutor;
    }

    /** Ends the component's retry waits and slow calls as soon as the context begins to stop, not after them. */
    @Override
    protected void doInit() throws Exception {
        super.doInit();
        getCamelContext().addLifecycleStrategy(new LifecycleStrategySupport() {
            @Override
            public void onContextStopping(CamelContext context) {
                clients.abortCalls();
            }
        });
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        clients.allowCalls();
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (listingExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(listingExecutor);
                listingExecutor = null;
            }
        }
        clients.close();
        super.doStop();
    }
}
