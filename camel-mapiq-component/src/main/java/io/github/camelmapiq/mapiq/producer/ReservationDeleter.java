package io.github.camelmapiq.mapiq.producer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqResponse;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code mapiq:workspace-reservations?operation=delete}: {@code DELETE {path}/{id}}, the id from header
 * {@code CamelMapiqRecordId} or the body ({@link RecordIds}). Sent as a WRITE call: although a delete is idempotent, a
 * blind retry after a lost answer would meet 404 for a reservation this very call removed. An unknown id fails with a
 * {@link MapiqApiException} (404) naming the id, unless {@code ignoreNotFound=true}, which makes deletes idempotent and
 * says so in header {@code CamelMapiqAlreadyDeleted}. The message body is left as it was.
 */
final class ReservationDeleter implements ProducerOperation {

    private final MapiqEndpoint endpoint;
    private final String path;
    private final boolean ignoreNotFound;

    ReservationDeleter(MapiqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.path = endpoint.getSettings().producer().path();
        this.ignoreNotFound = endpoint.getSettings().producer().delete().ignoreNotFound();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String id = RecordIds.of(exchange, MapiqJson.mapper(), "delete");
        String path = this.path + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
        message.setHeader(MapiqConstants.RECORD_ID, id);
        message.setHeader(MapiqConstants.RESOURCE, endpoint.getResource().uriName());
        try {
            MapiqResponse response = endpoint.getClient().call("DELETE", path, null, null, CallKind.WRITE);
            message.setHeader(MapiqConstants.HTTP_STATUS, response.status());
            message.setHeader(MapiqConstants.ALREADY_DELETED, false);
        } catch (MapiqApiException e) {
            if (e.getStatus() != 404) {
                throw e;
            }
            if (!ignoreNotFound) {
                throw e.withMessage("Workspace reservation '" + id + "' does not exist (404 on DELETE " + path
                                    + "); set ignoreNotFound=true to treat it as already deleted");
            }
            message.setHeader(MapiqConstants.HTTP_STATUS, 404);
            message.setHeader(MapiqConstants.ALREADY_DELETED, true);
        }
    }
}
