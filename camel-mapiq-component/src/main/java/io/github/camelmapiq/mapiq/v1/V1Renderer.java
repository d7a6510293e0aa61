package io.github.camelmapiq.mapiq.v1;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqOutputFormat;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;

/**
 * Renders a v2 record in the retired v1 API's JSON shape ({@code outputFormat=v1}), for systems still fed v1 payloads.
 * The v1 shape is the one the bundled simulator serves on its v1 endpoints: reservations (workspace and parking) have a
 * {@code date} ({@code yyyy-MM-dd}) where v2 has {@code startTime} and {@code endTime}; users, buildings, parking lots,
 * check-in events and statuses keep their v2 fields. Field order is kept and unknown fields are passed through.
 * <p>
 * A reservation's {@code date} is the local date of its {@code startTime} in its building's time zone (for parking,
 * the zone of the lot's first connected building) when {@link V1TimeZones} knows it, else the date in the offset the
 * {@code startTime} carries (which Mapiq writes in the building's offset, so both agree unless Mapiq sends UTC).
 */
public final class V1Renderer {

    private V1Renderer() {
    }

    /** The v1 JSON text of one v2 record of {@code resource}, dates taken from each {@code startTime}'s offset. */
    public static String render(MapiqResource resource, ObjectNode record) {
        return render(resource, record, V1TimeZones.NONE);
    }

    /** The v1 JSON text of one v2 record of {@code resource}, dates in the zones {@code zones} knows. */
    public static String render(MapiqResource resource, ObjectNode record, V1TimeZones zones) {
        return write(toV1(resource, record, zones));
    }

    /** The v1 tree of one v2 record (see the class comment). */
    public static ObjectNode toV1(MapiqResource resource, ObjectNode record, V1TimeZones zones) {
        resource.checkOutputFormat(MapiqOutputFormat.v1);
        return switch (resource) {
            case WORKSPACE_RESERVATIONS -> withDate(record, zones.ofBuilding(text(record, "buildingId")));
            case PARKING_RESERVATIONS -> withDate(record, zones.ofParkingLot(text(record, "parkingLotId")));
            default -> record;
        };
    }

    /** The record with {@code date} in place of {@code startTime}, and without {@code endTime}. */
    private static ObjectNode withDate(ObjectNode record, ZoneId zone) {
        ObjectNode v1 = JsonNodeFactory.instance.objectNode();
        boolean dated = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "startTime" -> {
                    putDate(v1, field.getValue(), zone);
                    dated = true;
                }
                case "endTime" -> {
                    // v1 had no end: a registration covered its whole date
                }
                default -> v1.set(field.getKey(), field.getValue());
            }
        }
        if (!dated) {
            v1.putNull("date");
        }
        return v1;
    }

    private static void putDate(ObjectNode v1, JsonNode startTime, ZoneId zone) {
        LocalDate date = startTime == null || !startTime.isTextual() ? null : localDate(startTime.asText(), zone);
        if (date == null) {
            v1.putNull("date");
        } else {
            v1.put("date", date.toString());
        }
    }

    /** The local date of an ISO date-time with offset (or a UTC instant) in {@code zone}, or in its own offset. */
    private static LocalDate localDate(String startTime, ZoneId zone) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(startTime);
        } catch (DateTimeParseException e) {
            try {
                time = Instant.parse(startTime).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(
                        "outputFormat=v1: startTime '" + startTime + "' is not an ISO-8601 date-time", e2);
            }
        }
        try {
            return zone == null ? time.toLocalDate() : time.atZoneSameInstant(zone).toLocalDate();
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("outputFormat=v1: startTime '" + startTime + "' is out of range", e);
        }
    }

    private static String text(ObjectNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String write(ObjectNode node) {
        try {
            return MapiqJson.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written as text", e);
        }
    }
}
