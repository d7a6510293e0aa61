package io.github.camelmapiq.mapiq;

import io.github.camelmapiq.mapiq.consumer.MapiqConsumers;
import io.github.camelmapiq.mapiq.http.MapiqHttpClient;
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

/**
 * Reads (polling consumer) and writes (producer) one Mapiq resource. See {@link MapiqResource} for the resources and
 * {@link MapiqConfiguration} for the options.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = MapiqConstants.SCHEME, title = "Mapiq", syntax = "mapiq:resource",
             category = { Category.API, Category.CLOUD }, headersClass = MapiqConstants.class)
public class MapiqEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    @UriPath(enums = MapiqResource.URI_NAMES,
             description = "The Mapiq resource: what a consumer polls or a producer writes; `raw` calls any `method` and "
                           + "`path` under the API base.")
    @Metadata(required = true)
    private final MapiqResource resource;

    @UriParam
    private final MapiqConfiguration configuration;

    private MapiqHttpClient client;

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
        if (client == null) {
            client = getComponent().getClients().clientFor(configuration, getCamelContext());
        }
        return client;
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
        if (configuration.isFailFast()) {
            getClient().checkCredentials();
        }
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
