package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.ProducerSettings;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqResponse;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code mapiq:checkin-events?operation=create}: validates the event (see {@link CheckinEventBody}), posts it as a
 * WRITE call (a 429 from Mapiq's per-user throttle is retried after its Retry-After when that fits in
 * {@code maxRetryWait}), and answers the stored event. With {@code coalesceCheckins=true}, repeats within the window are
 * answered without a call (see {@link CheckinCoalescer}).
 */
final class CheckinEventCreator implements ProducerOperation {

    private final MapiqEndpoint endpoint;
    private final MapiqRecordFormatter formatter;
    private final CheckinCoalescer coalescer;
    private final String path;

    CheckinEventCreator(MapiqEndpoint endpoint, MapiqRecordFormatter formatter) {
        this.endpoint = endpoint;
        this.formatter = formatter;
        ProducerSettings settings = endpoint.getSettings().producer();
        this.path = settings.path();
        this.coalescer = settings.create().coalesce()
                ? new CheckinCoalescer(settings.create().throttleWindow(), Clock.systemUTC())
                : null;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        JsonNode body = JsonBodies.read(exchange, MapiqJson.mapper(), "The body of mapiq:checkin-events");
        ObjectNode event = CheckinEventBody.assemble(body, message);
        if (coalescer == null) {
            answer(message, post(message, event), false);
            return;
        }
        try (CheckinCoalescer.Held user = coalescer.lockUser(event.get("userId").asText())) {
            ObjectNode earlier = coalescer.repeatOf(event);
            if (earlier != null) {
                message.removeHeader(MapiqConstants.HTTP_STATUS);
                answer(message, earlier, true);
                return;
            }
            ObjectNode stored = post(message, event);
            coalescer.sent(event, stored);
            answer(message, stored, false);
        }
    }

    private ObjectNode post(Message message, ObjectNode event) throws Exception {
        MapiqResponse response = endpoint.getClient().call("POST", path, null, event, CallKind.WRITE);
        message.setHeader(MapiqConstants.HTTP_STATUS, response.status());
        return response.body() instanceof ObjectNode stored ? stored : event;
    }

    private void answer(Message message, ObjectNode stored, boolean coalesced) {
        message.setBody(formatter.format(stored));
        JsonNode id = stored.get("id");
        if (id != null && !id.isNull()) {
            message.setHeader(MapiqConstants.RECORD_ID, id.asText());
        }
        message.setHeader(MapiqConstants.RESOURCE, endpoint.getResource().uriName());
        message.setHeader(MapiqConstants.COALESCED, coalesced);
    }
}
