package io.github.camelmapiq.mapiq;

import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.camelmapiq.mapiq.consumer.MapiqConsumers;
import io.github.camelmapiq.mapiq.http.MapiqClients;
import io.github.camelmapiq.mapiq.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.http.TransportSecurity;
import io.github.camelmapiq.mapiq.producer.MapiqProducer;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
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
public class MapiqEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    private static final int MAX_PAGE_SIZE = 1000;

    @UriPath(enums = MapiqResource.URI_NAMES,
             description = "The Mapiq resource: what a consumer polls or a producer writes; `raw` calls any `method` and "
                           + "`path` under the API base.")
    @Metadata(required = true)
    private final MapiqResource resource;

    @UriParam
    private final MapiqConfiguration configuration;

    private volatile MapiqHttpClient client;
    private volatile String sanitizedUri;

    public MapiqEndpoint(String uri, MapiqComponent component, MapiqResource resource,
                         MapiqConfiguration configuration) {
        super(uri, component);
        this.resource = resource;
        this.configuration = configuration;
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

    /** The HTTP client (with token handling) for this endpoint's options; shared with endpoints that have the same. */
    public MapiqHttpClient getClient() {
        MapiqHttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = getComponent().getClients().clientFor(configuration, getCamelContext());
                    client = c;
                }
            }
        }
        return c;
    }

    /** Where listings of this endpoint fetch their next page while the current one is delivered. */
    public Executor getListingExecutor() {
        return getComponent().getListingExecutor();
    }

    /** Turns one parsed record, or a whole list, into message bodies of this endpoint's {@code outputFormat}. */
    public MapiqRecordFormatter getRecordFormatter() {
        return new MapiqRecordFormatter(resource, configuration.getOutputFormat(), getClient().mapper());
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
        MapiqClients.credentials(configuration);
        MapiqClients.readLimits(configuration);
        TransportSecurity.check(configuration);
        if (configuration.getPageSize() < 1 || configuration.getPageSize() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was "
                                               + configuration.getPageSize());
        }
        if (configuration.isFailFast()) {
            getClient().checkCredentials();
        }
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        super.doStop();
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
        return configuration.getBaseUrl() + (resource == MapiqResource.RAW ? "" : configuration.resolvePath(resource));
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }
}
