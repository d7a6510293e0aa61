package io.github.camelmapiq.mapiq;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.camelmapiq.mapiq.client.auth.ClientCredentials;
import io.github.camelmapiq.mapiq.client.error.Texts;
import io.github.camelmapiq.mapiq.client.http.MapiqClientFactory;
import io.github.camelmapiq.mapiq.client.http.MapiqEndpointStatistics;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.consumer.MapiqConsumers;
import io.github.camelmapiq.mapiq.metrics.EndpointFigures;
import io.github.camelmapiq.mapiq.producer.MapiqProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.URISupport;

/**
 * Read and write the Mapiq workplace API v2 (workdays, reservations, check-ins, occupancy).
 * <p>
 * The first sentence is the component's description in the Camel catalog (IDEs, Kaoto, Karavan), so it speaks to users;
 * one endpoint polls (consumer) or writes (producer) one {@link MapiqResource} with {@link MapiqConfiguration}'s options.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = MapiqConstants.SCHEME, title = "Mapiq", syntax = "mapiq:resource",
             category = { Category.API, Category.CLOUD }, headersClass = MapiqConstants.class)
@ManagedResource(description = "Mapiq endpoint")
public class MapiqEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** Mapiq is a rate-limited SaaS API whose data changes by the minute, not the second: poll once a minute. */
    static final long DEFAULT_DELAY = 60_000L;

    @UriPath(enums = MapiqResource.URI_NAMES,
             description = "The Mapiq resource: what a consumer polls or a producer writes; `raw` calls any `method` and "
                           + "`path` under the API base.")
    @Metadata(required = true)
    private final MapiqResource resource;

    @UriParam
    private final MapiqConfiguration configuration;

    @UriParam(label = "consumer,scheduler", defaultValue = "60000", javaType = "java.time.Duration",
              description = "Time between the end of one poll and the start of the next (milliseconds, or a duration "
                            + "such as 5m). One minute by default, which suits a rate-limited API whose data changes "
                            + "by the minute; Camel's generic 500 ms would list the whole resource twice a second.")
    private long delay = DEFAULT_DELAY;

    private volatile EndpointSettings settings;
    private volatile MapiqHttpClient client;
    private volatile String sanitizedUri;
    private volatile MapiqEndpointStatistics statistics;
    private AutoCloseable meters;

    public MapiqEndpoint(String uri, MapiqComponent component, MapiqResource resource,
                         MapiqConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
        setDelay(DEFAULT_DELAY);
    }

    /** Time between the end of one poll and the start of the next; one minute by default. */
    @Override
    public void setDelay(long delay) {
        super.setDelay(delay);
        this.delay = delay;
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public MapiqComponent getComponent() {
        return (MapiqComponent) super.getComponent();
    }

    public MapiqResource getResource() {
        return resource;
    }

    public MapiqConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * This endpoint's options, checked once against the resource's entry in the {@link MapiqResource} table.
     *
     * @throws IllegalArgumentException naming the first offending option and what it accepts
     */
    public EndpointSettings getSettings() {
        EndpointSettings s = settings;
        if (s == null) {
            synchronized (this) {
                s = settings;
                if (s == null) {
                    s = EndpointSettings.of(resource, configuration, getCamelContext());
                    settings = s;
                }
            }
        }
        return s;
    }

    /**
     * The HTTP client (with token handling) for this endpoint's options, made by the {@code clientFactory} option or
     * the component's clients, which share tokens and pools with endpoints that have the same settings.
     */
    public MapiqHttpClient getClient() {
        MapiqHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    MapiqClientFactory factory = configuration.getClientFactory() != null
                            ? configuration.getClientFactory() : getComponent().getClients();
                    c = factory.createClient(getSettings().client(), getStatistics());
                    client = c;
                }
            }
        }
        return c;
    }

    /** Where listings of this endpoint fetch, read and ready their next page while the current one is delivered. */
    public Executor getListingExecutor() {
        return getComponent().getListingExecutor();
    }

    /** This endpoint's calls, retries, 429 waits, errors and pages read; kept across restarts of the endpoint. */
    public MapiqEndpointStatistics getStatistics() {
        MapiqEndpointStatistics s = statistics;
        if (s == null) {
            synchronized (this) {
                s = statistics;
                if (s == null) {
                    s = new MapiqEndpointStatistics(Clock.systemUTC(),
                            ClientCredentials.secretsOf(configuration.getClientId(), configuration.getClientSecret()));
                    statistics = s;
                }
            }
        }
        return s;
    }

    /** Turns one parsed record, or a whole list, into message bodies of this endpoint's {@code outputFormat}. */
    public MapiqRecordFormatter getRecordFormatter() {
        return new MapiqRecordFormatter(resource, getSettings().outputFormat(), getClient().mapper());
    }

    @Override
    public Producer createProducer() throws Exception {
        return new MapiqProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = MapiqConsumers.create(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        getSettings(); // checks every option once
        getClient(); // registers the credential set, so that its token figures are published with the endpoint's
        meters = getComponent().getMetrics().bindEndpoint(new EndpointFigures(resource.uriName(), getEndpointUri(),
                getStatistics(), getComponent().getClients()::tokenStatistics));
        if (configuration.isFailFast()) {
            getClient().checkCredentials();
        }
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        settings = null;
        if (meters != null) {
            meters.close();
            meters = null;
        }
        super.doStop();
    }

    // ---- JMX: what operators see of this endpoint's calls (never a token or secret)

    @ManagedAttribute(description = "The Mapiq resource")
    public String getResourceName() {
        return resource.uriName();
    }

    @ManagedAttribute(description = "HTTP requests sent to Mapiq (every attempt counts)")
    public long getCalls() {
        return getStatistics().calls();
    }

    @ManagedAttribute(description = "Attempts repeated after a transient failure (429 included)")
    public long getRetries() {
        return getStatistics().retries();
    }

    @ManagedAttribute(description = "Waits asked for by 429 Too Many Requests")
    public long getRateLimitWaits() {
        return getStatistics().rateLimitWaits();
    }

    @ManagedAttribute(description = "Total time spent in 429 waits, in milliseconds")
    public long getRateLimitWaitMillis() {
        return getStatistics().rateLimitWaitTime().toMillis();
    }

    @ManagedAttribute(description = "Calls that failed for good")
    public long getErrors() {
        return getStatistics().errors();
    }

    @ManagedAttribute(description = "Calls that failed for good, by HTTP status (io: no answer; token: no token)")
    public String getErrorsByStatus() {
        return getStatistics().errorsByStatus().toString();
    }

    @ManagedAttribute(description = "The last failed call")
    public String getLastError() {
        return getStatistics().lastError();
    }

    @ManagedAttribute(description = "When the last call failed (ISO-8601 UTC)")
    public String getLastErrorAt() {
        return getStatistics().lastErrorAt() == null ? null : getStatistics().lastErrorAt().toString();
    }

    @ManagedAttribute(description = "Pages of list answers read")
    public long getPagesRead() {
        return getStatistics().pages();
    }

    @ManagedAttribute(description = "Records read from list answers")
    public long getRecordsRead() {
        return getStatistics().records();
    }

    @ManagedOperation(description = "Zeroes the call, retry, wait, error and page counters")
    public void resetStatistics() {
        getStatistics().reset();
    }

    /**
     * The endpoint URI with secret options (client id and secret, proxy credentials) masked, as Camel's logs show it:
     * it also reaches exchange properties, JMX and consoles, so it must not carry the secret.
     */
    @Override
    public String getEndpointUri() {
        String s = sanitizedUri;
        if (s == null) {
            s = URISupport.sanitizeUri(super.getEndpointUri());
            sanitizedUri = s;
        }
        return s;
    }

    /** Equality on the unmasked URI, so endpoints that differ only in credentials stay distinct. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MapiqEndpoint other && getCamelContext() == other.getCamelContext()
               && Objects.equals(super.getEndpointUri(), other.rawEndpointUri());
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(super.getEndpointUri());
    }

    private String rawEndpointUri() {
        return super.getEndpointUri();
    }

    @Override
    public String getServiceUrl() {
        return Texts.url(configuration.getBaseUrl() + (resource == MapiqResource.RAW ? "" : configuration.resolvePath(resource)));
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
