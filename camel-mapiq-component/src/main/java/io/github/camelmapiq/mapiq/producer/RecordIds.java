package io.github.camelmapiq.mapiq.producer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.MapiqConstants;
import org.apache.camel.Exchange;

/**
 * The record id an exchange names for {@code operation=delete} and {@code operation=get}: header
 * {@code CamelMapiqRecordId} when set (consumers set it on every record), else the body: a String id, or the
 * {@code id} field of a model object, a Map or a JSON object.
 */
final class RecordIds {

    private RecordIds() {
    }

    /** @throws IllegalArgumentException when neither the header nor the body gives an id */
    static String of(Exchange exchange, ObjectMapper mapper, String operation) {
        String header = exchange.getMessage().getHeader(MapiqConstants.RECORD_ID, String.class);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        Object body = exchange.getMessage().getBody();
        if (body instanceof CharSequence text && !text.toString().trim().startsWith("{")) {
            if (!text.toString().isBlank()) {
                return text.toString().trim();
            }
        } else if (body != null) {
            JsonNode node = JsonBodies.read(exchange, mapper, "The body of operation=" + operation);
            JsonNode id = node == null ? null : node.get("id");
            if (id != null && id.isValueNode() && !id.asText().isBlank()) {
                return id.asText().trim();
            }
        }
        throw new IllegalArgumentException(
                "operation=" + operation + " needs a record id: set header " + MapiqConstants.RECORD_ID
                                           + ", or send the id as the body (a String, or a model object, Map or JSON "
                                           + "object with field 'id')");
    }
}
