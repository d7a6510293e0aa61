package io.github.camelmapiq.mapiq.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.MapiqConstants;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * The record id an exchange names for {@code operation=delete} and {@code operation=get}: header
 * {@code CamelMapiqRecordId} when set (consumers set it on every record), else the body: the id as text (a String, or
 * bytes, a stream or a file holding it, as queues and {@code from("file:...")} deliver it), or the {@code id} field of
 * a model object, a Map or a JSON object.
 */
final class RecordIds {

    private RecordIds() {
    }

    /** @throws IllegalArgumentException when neither the header nor the body gives an id */
    static String of(Exchange exchange, ObjectMapper mapper, String operation) {
        Message message = exchange.getMessage();
        String header = message.getHeader(MapiqConstants.RECORD_ID, String.class);
        if (header != null && !header.isBlank()) {
            return header.trim();
        }
        Object body = message.getBody();
        JsonNode node = null;
        if (body != null && JsonBodies.isText(body)) {
            String text = message.getBody(String.class);
            String trimmed = text == null ? "" : text.trim();
            if (!trimmed.startsWith("{") && !trimmed.startsWith("\"")) {
                return plainId(trimmed, operation);
            }
            node = parse(trimmed, mapper, operation);
        } else if (body != null) {
            node = JsonBodies.read(exchange, mapper, "The body of operation=" + operation);
        }
        JsonNode id = node == null ? null : node.isTextual() ? node : node.get("id");
        if (id != null && id.isValueNode() && !id.asText().isBlank()) {
            return plainId(id.asText().trim(), operation);
        }
        throw noId(operation);
    }

    private static String plainId(String id, String operation) {
        if (id.isEmpty()) {
            throw noId(operation);
        }
        if (id.contains("\n") || id.contains("\r")) {
            throw new IllegalArgumentException(
                    "The body of operation=" + operation + " holds several lines; it must be one record id (split a "
                                               + "file of ids into one exchange per line first, e.g. with split and "
                                               + "tokenize)");
        }
        return id;
    }

    private static JsonNode parse(String json, ObjectMapper mapper, String operation) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "The body of operation=" + operation + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static IllegalArgumentException noId(String operation) {
        return new IllegalArgumentException(
                "operation=" + operation + " needs a record id: set header " + MapiqConstants.RECORD_ID
                                            + ", or send the id as the body (text, or a model object, Map or JSON "
                                            + "object with field 'id')");
    }
}
