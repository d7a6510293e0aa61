package io.github.camelmapiq.mapiq.consumer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqResource;

/**
 * Reads what change detection needs from a record: its identity, the date that places it in a date window, and (for
 * check-in events) its timestamp.
 */
final class RecordKeys {

    private RecordKeys() {
    }

    /** The field identifying a record: {@code userId} for check-in statuses (one per user), {@code id} otherwise. */
    static String idField(MapiqResource resource) {
        return resource == MapiqResource.CHECKIN_STATUSES ? "userId" : "id";
    }

    /**
     * The record's id.
     *
     * @throws IllegalArgumentException when the record has none, since it could not be tracked
     */
    static String idOf(MapiqResource resource, ObjectNode record) {
        JsonNode id = record.get(idField(resource));
        if (id == null || id.isNull() || id.asText().isEmpty()) {
            throw new IllegalArgumentException(
                    "A Mapiq " + resource.uriName() + " record has no '" + idField(resource) + "' field, so its changes "
                                               + "cannot be tracked: " + abbreviate(record.toString()));
        }
        return id.asText();
    }

    /** The record's id, or {@code null} when it has none (only the {@code CamelMapiqRecordId} header needs it). */
    static String idOrNull(MapiqResource resource, ObjectNode record) {
        JsonNode id = record.get(idField(resource));
        return id == null || id.isNull() ? null : id.asText();
    }

    /**
     * The date by which Mapiq places the record in a {@code startDate..endDate} window: a workday's {@code date}, the
     * local date of a reservation's {@code startTime} (its offset is the building's), or {@code null} when the
     * resource is not date-bounded or the field is missing or unreadable.
     */
    static LocalDate dayOf(MapiqResource resource, ObjectNode record) {
        String text = switch (resource) {
            case WORKDAYS -> textOf(record, "date");
            case WORKSPACE_RESERVATIONS, PARKING_RESERVATIONS -> textOf(record, "startTime");
            default -> null;
        };
        if (text == null) {
            return null;
        }
        try {
            return resource == MapiqResource.WORKDAYS ? LocalDate.parse(text) : OffsetDateTime.parse(text).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A check-in event's {@code timestamp}.
     *
     * @throws IllegalArgumentException when it is missing or not an ISO-8601 instant, since the cursor is built from it
     */
    static Instant timestampOf(ObjectNode event) {
        String text = textOf(event, "timestamp");
        if (text != null) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                "A Mapiq check-in event has no ISO-8601 'timestamp', so the consumer cannot place it in time: "
                                           + abbreviate(event.toString()));
    }

    private static String textOf(ObjectNode record, String field) {
        JsonNode node = record.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
