package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code operation=get} on users, buildings and parking lots: the record with the id of header
 * {@code CamelMapiqRecordId} or the body. Mapiq's contract has no get-by-id call, so the resource is listed and the
 * record picked out; {@link ListingCache} keeps the listing for {@code getCacheTtl}, so enriching a stream of events
 * with their user costs one listing per TTL, not one call per event. An unknown id fails with a
 * {@link MapiqApiException} (404) naming it.
 */
final class RecordGetter implements ProducerOperation {

    private final MapiqEndpoint endpoint;
    private final MapiqRecordFormatter formatter;
    private final ListingCache cache;
    private final String path;

    RecordGetter(MapiqEndpoint endpoint, MapiqRecordFormatter formatter, Clock clock) {
        this.endpoint = endpoint;
        this.formatter = formatter;
        Duration ttl = endpoint.getSettings().producer().get().cacheTtl();
        ListQuery query = endpoint.getSettings().query();
        this.path = endpoint.getSettings().producer().path();
        this.cache = new ListingCache(ttl, clock, () -> {
            Map<String, ObjectNode> byId = new HashMap<>();
            query.run(endpoint.getClient(), clock, record -> byId.put(record.path("id").asText(), record));
            return byId;
        });
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String id = RecordIds.of(exchange, MapiqJson.mapper(), "get");
        ObjectNode record = cache.find(id);
        MapiqResource resource = endpoint.getResource();
        if (record == null) {
            throw new MapiqApiException(
                    "No " + resource.uriName() + " record has id '" + id + "' (listed GET " + path + ": "
                                        + cache.size() + " records)",
                    404, "GET", path, "Not Found", "unknown id " + id, null, null);
        }
        message.setBody(formatter.format(record));
        message.setHeader(MapiqConstants.RECORD_ID, id);
        message.setHeader(MapiqConstants.RESOURCE, resource.uriName());
    }
}
