package io.github.camelmapiq.mapiq;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import io.github.camelmapiq.mapiq.client.auth.TokenManager;
import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.http.MapiqClients;
import io.github.camelmapiq.mapiq.metrics.MapiqMetrics;
import io.github.camelmapiq.mapiq.metrics.MicrometerMapiqMetrics;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.LifecycleStrategySupport;

/**
 * The {@code mapiq:} component. Options set here are shared by all its endpoints (each endpoint may override them).
 * It owns the token managers (one per credential set) and the pooled HTTP clients its endpoints share, so two component
 * instances (say {@code mapiq} and {@code mapiq-eu}) talk to two subscriptions independently.
 */
@Component(MapiqConstants.SCHEME)
@ManagedResource(description = "Mapiq component")
public class MapiqComponent extends HealthCheckComponent {

    private static final String MICROMETER_REGISTRY = "io.micrometer.core.instrument.MeterRegistry";

    @Metadata(description = "Component configuration: its options are the defaults of every endpoint.")
    private MapiqConfiguration configuration = new MapiqConfiguration();

    private final MapiqClients clients = new MapiqClients();
    private ExecutorService listingExecutor;
    private volatile MapiqMetrics metrics = MapiqMetrics.NONE;
    private MapiqTokenHealthCheck tokenHealthCheck;

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
     * Where listings fetch their next page, and consumers read and ready it ({@code PageFeed}), while the route works
     * on the current one: a cached pool of Camel's
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
        String name = componentName();
        metrics = createMetrics(name);
        HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
        if (health != null && health.isEnabled() && (isHealthCheckConsumerEnabled() || isHealthCheckProducerEnabled())) {
            tokenHealthCheck = new MapiqTokenHealthCheck(this, name);
            health.register(tokenHealthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            if (listingExecutor != null) {
                getCamelContext().getExecutorServiceManager().shutdown(listingExecutor);
                listingExecutor = null;
            }
        }
        if (tokenHealthCheck != null) {
            HealthCheckRegistry health = HealthCheckRegistry.get(getCamelContext());
            if (health != null) {
                health.unregister(tokenHealthCheck);
            }
            tokenHealthCheck = null;
        }
        metrics.close();
        metrics = MapiqMetrics.NONE;
        clients.close();
        super.doStop();
    }

    /** Where the figures of this component go as meters: Micrometer when a MeterRegistry is in the registry. */
    public MapiqMetrics getMetrics() {
        return metrics;
    }

    private MapiqMetrics createMetrics(String name) {
        try {
            Class<?> type = getCamelContext().getClassResolver().resolveClass(MICROMETER_REGISTRY);
            if (type == null) {
                return MapiqMetrics.NONE;
            }
            Object registry = getCamelContext().getRegistry().findSingleByType(type);
            return registry == null ? MapiqMetrics.NONE
                    : new MicrometerMapiqMetrics((io.micrometer.core.instrument.MeterRegistry) registry, name);
        } catch (LinkageError noMicrometer) {
            return MapiqMetrics.NONE;
        }
    }

    /** The name this instance is registered under in the context ({@code mapiq}, or another such as {@code mapiq-eu}). */
    String componentName() {
        for (String name : getCamelContext().getComponentNames()) {
            if (getCamelContext().hasComponent(name) == this) {
                return name;
            }
        }
        return MapiqConstants.SCHEME;
    }

    // ---- JMX: the token of the component's own credentials (or the first set in use), never the token or secret

    /** The statistics shown as the component's token attributes: its own credential set, or else the first in use. */
    TokenStatistics mainTokenStatistics() {
        try {
            if (configuration.getClientId() != null && configuration.getClientSecret() != null) {
                TokenManager own = clients.tokenManager(MapiqClientSettings.credentials(configuration));
                if (own != null) {
                    return own.statistics();
                }
            }
        } catch (IllegalArgumentException incomplete) {
            // no own credential set
        }
        return clients.tokenStatistics().values().stream().findFirst().orElse(null);
    }

    @ManagedAttribute(description = "When the current token was obtained (ISO-8601 UTC)")
    public String getTokenObtainedAt() {
        TokenStatistics s = mainTokenStatistics();
        return s == null ? null : text(s.obtainedAt());
    }

    @ManagedAttribute(description = "When the current token expires (ISO-8601 UTC)")
    public String getTokenExpiresAt() {
        TokenStatistics s = mainTokenStatistics();
        return s == null ? null : text(s.expiresAt());
    }

    @ManagedAttribute(description = "Token fetches")
    public long getTokenRequests() {
        TokenStatistics s = mainTokenStatistics();
        return s == null ? 0 : s.requests();
    }

    @ManagedAttribute(description = "Token fetches that failed")
    public long getTokenFailures() {
        TokenStatistics s = mainTokenStatistics();
        return s == null ? 0 : s.failures();
    }

    @ManagedAttribute(description = "Why the last token fetch failed")
    public String getLastTokenError() {
        TokenStatistics s = mainTokenStatistics();
        return s == null ? null : s.lastError();
    }

    @ManagedAttribute(description = "When the last token fetch failed (ISO-8601 UTC)")
    public String getLastTokenErrorAt() {
        TokenStatistics s = mainTokenStatistics();
        return s == null ? null : text(s.lastErrorAt());
    }

    @ManagedAttribute(description = "Every credential set in use (token URL and number, never the client id): when "
                                    + "its token was obtained and expires, fetches, failures, last error")
    public String[] getCredentialSets() {
        List<String> lines = new java.util.ArrayList<>();
        clients.tokenStatistics().forEach((label, s) -> lines.add(label + ": obtainedAt=" + text(s.obtainedAt())
                                                                   + ", expiresAt=" + text(s.expiresAt()) + ", requests="
                                                                   + s.requests() + ", failures=" + s.failures()
                                                                   + (s.lastError() == null ? ""
                                                                           : ", lastError=" + s.lastError())));
        return lines.toArray(String[]::new);
    }

    @ManagedAttribute(description = "HTTP requests sent to Mapiq by all endpoints of this component")
    public long getCalls() {
        return clients.statistics().calls();
    }

    @ManagedAttribute(description = "Attempts repeated after a transient failure, all endpoints")
    public long getRetries() {
        return clients.statistics().retries();
    }

    @ManagedAttribute(description = "Calls that failed for good, all endpoints")
    public long getFailures() {
        return clients.statistics().failures();
    }

    @ManagedOperation(description = "Zeroes the token and call counters and forgets the last token errors")
    public void resetStatistics() {
        clients.statistics().reset();
        clients.tokenStatistics().values().forEach(TokenStatistics::reset);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
