package io.github.camelmapiq.mapiq.producer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.CheckinEventType;
import io.github.camelmapiq.mapiq.client.model.CheckinSource;
import io.github.camelmapiq.mapiq.client.model.OpenEnum;
import org.apache.camel.Message;

/**
 * Assembles and validates the body of {@code POST /v2/user-locations/checkin-events} before anything is sent. Fields
 * of the message body win; headers {@code CamelMapiqUserId}, {@code CamelMapiqBuildingId}, {@code CamelMapiqEventType}
 * and {@code CamelMapiqSource} fill the fields the body lacks (so one route can post events built elsewhere and add
 * what the device does not know). Enum values are accepted in any case, with or without underscores (so the model's
 * constants {@code AT_THE_OFFICE} and {@code ACCESS_GATE}, as objects or names, work too) and sent in Mapiq's spelling.
 */
final class CheckinEventBody {

    private static final List<String> EVENT_TYPES = values(CheckinEventType.values());
    private static final List<String> SOURCES = values(CheckinSource.values());

    private CheckinEventBody() {
    }

    /**
     * The event to post.
     *
     * @param  body the message body as JSON (null when empty)
     * @throws IllegalArgumentException naming the missing or invalid field and the allowed values
     */
    static ObjectNode assemble(JsonNode body, Message message) {
        if (body != null && !body.isObject()) {
            throw new IllegalArgumentException(
                    "The body of mapiq:checkin-events must be one check-in event (a CheckinEvent, a Map or a JSON "
                                               + "object), not a JSON " + body.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        ObjectNode event = body == null ? JsonNodeFactory.instance.objectNode() : ((ObjectNode) body).deepCopy();
        List<String> unset = new ArrayList<>(); // a model object's unset id and timestamp
        event.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                unset.add(field.getKey());
            }
        });
        event.remove(unset);
        fill(event, "userId", header(message, MapiqConstants.USER_ID), MapiqConstants.USER_ID);
        fill(event, "buildingId", header(message, MapiqConstants.BUILDING_ID), MapiqConstants.BUILDING_ID);
        fill(event, "eventType", header(message, MapiqConstants.EVENT_TYPE), MapiqConstants.EVENT_TYPE);
        fill(event, "source", header(message, MapiqConstants.SOURCE), MapiqConstants.SOURCE);
        canonical(event, "eventType", EVENT_TYPES, MapiqConstants.EVENT_TYPE);
        canonical(event, "source", SOURCES, MapiqConstants.SOURCE);
        checkTimestamp(event);
        return event;
    }

    /** A header as text; a model enum ({@code CheckinEventType.AT_THE_OFFICE}) gives Mapiq's string, not its name. */
    private static String header(Message message, String name) {
        Object value = message.getHeader(name);
        if (value instanceof OpenEnum constant && constant.value() != null) {
            return constant.value();
        }
        return message.getHeader(name, String.class);
    }

    private static void fill(ObjectNode event, String field, String header, String headerName) {
        if (!present(event.get(field))) {
            if (header == null || header.isBlank()) {
                throw new IllegalArgumentException(
                        "Check-in event field '" + field + "' is missing: set it in the body or in header "
                                                   + headerName);
            }
            event.put(field, header.trim());
        } else if (!event.get(field).isTextual()) {
            throw new IllegalArgumentException(
                    "Check-in event field '" + field + "' must be a string, was " + event.get(field));
        }
    }

    private static void canonical(ObjectNode event, String field, List<String> allowed, String headerName) {
        String value = event.get(field).asText().trim();
        String match = allowed.stream().filter(a -> comparable(a).equals(comparable(value))).findFirst().orElseThrow(
                () -> new IllegalArgumentException(
                        "Check-in event field '" + field + "' has unknown value '" + value + "' (body or header "
                                                   + headerName + "); allowed values: " + String.join(", ", allowed)));
        event.put(field, match);
    }

    /** {@code AtTheOffice}, {@code attheoffice} and {@code AT_THE_OFFICE} all compare equal. */
    private static String comparable(String value) {
        return value.replace("_", "").toLowerCase(Locale.ROOT);
    }

    private static void checkTimestamp(ObjectNode event) {
        JsonNode timestamp = event.get("timestamp");
        if (!present(timestamp)) {
            event.remove("timestamp");
            return;
        }
        String text = timestamp.asText();
        if (!IsoInstants.isIsoInstant(text)) {
            throw new IllegalArgumentException(
                    "Check-in event field 'timestamp' is not an ISO-8601 instant (e.g. 2026-03-02T08:15:00Z): '" + text
                                               + "'");
        }
    }

    private static boolean present(JsonNode value) {
        return value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank());
    }

    private static List<String> values(OpenEnum[] constants) {
        return Arrays.stream(constants).map(OpenEnum::value).filter(Objects::nonNull).toList();
    }
}
