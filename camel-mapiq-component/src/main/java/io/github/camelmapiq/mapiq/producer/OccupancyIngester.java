package io.github.camelmapiq.mapiq.producer;

import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqResponse;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code mapiq:occupancy?operation=ingest}: validates the whole batch ({@link OccupancyReadings}), then posts it in
 * chunks of {@code ingestChunkSize}, in order, each as a WRITE call. If chunk k of n fails, the later chunks are not
 * sent and the exchange fails with an {@link OccupancyIngestException} naming the accepted readings and those to
 * resend: nothing is silently lost, and a resend of the rest does not repeat what was confirmed. The message body is left as it was;
 * header {@code CamelMapiqRecordCount} tells how many readings were ingested.
 */
final class OccupancyIngester implements ProducerOperation {

    private final MapiqEndpoint endpoint;
    private final int chunkSize;
    private final String path;

    OccupancyIngester(MapiqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.chunkSize = endpoint.getSettings().producer().ingest().chunkSize();
        this.path = endpoint.getSettings().producer().path();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        List<ObjectNode> readings = OccupancyReadings.validate(
                JsonBodies.read(exchange, MapiqJson.mapper(), "The body of mapiq:occupancy"));
        int chunks = (readings.size() + chunkSize - 1) / chunkSize;
        int status = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            int from = chunk * chunkSize;
            ArrayNode body = JsonNodeFactory.instance.arrayNode();
            readings.subList(from, Math.min(from + chunkSize, readings.size())).forEach(body::add);
            try {
                MapiqResponse response = endpoint.getClient().call("POST", path, null, body, CallKind.WRITE);
                status = response.status();
            } catch (Exception e) {
                throw new OccupancyIngestException(from, readings.size(), chunk + 1, chunks, chunkSize, e);
            }
        }
        message.setHeader(MapiqConstants.RECORD_COUNT, readings.size());
        message.setHeader(MapiqConstants.HTTP_STATUS, status);
        message.setHeader(MapiqConstants.RESOURCE, endpoint.getResource().uriName());
    }
}
