package io.github.camelmapiq.mapiq.consumer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;

/**
 * What change detection needs from a record, read from the top-level fields its listing captured
 * ({@link #fields}): its identity, the date that places it in a date window, and (for check-in events) its timestamp.
 */
final class RecordKeys {

    /** Index of the id in {@link ListedRecord#key}. */
    static final int ID = 0;
    /** Index of the date field (a workday's date, a reservation's start, an event's timestamp), when there is one. */
    static final int DATE = 1;

    private RecordKeys() {
    }

    /** The field identifying a record: {@code userId} for check-in statuses (one per user), {@code id} otherwise. */
    static String idField(MapiqResource resource) {
        return resource == MapiqResource.CHECKIN_STATUSES ? "userId" : "id";
    }

    /** The fields a listing captures for change detection: the id, then the date field if the resource has one. */
    static String[] fields(MapiqResource resource) {
        return switch (resource) {
            case WORKDAYS -> new String[] { "id", "date" };
            case WORKSPACE_RESERVATIONS, PARKING_RESERVATIONS -> new String[] { "id", "startTime" };
            case CHECKIN_EVENTS -> new String[] { "id", "timestamp" };
            default -> new String[] { idField(resource) };
        };
    }

    /**
     * The record's id.
     *
     * @throws IllegalArgumentException when the record has none, since it could not be tracked
     */
    static String idOf(MapiqResource resource, ListedRecord record) {
        String id = record.key(ID);
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(
                    "A Mapiq " + resource.uriName() + " record has no '" + idField(resource) + "' field, so its changes "
                                               + "cannot be tracked: " + record);
        }
        return id;
    }

    /**
     * The date by which Mapiq places the record in a {@code startDate..endDate} window: a workday's {@code date}, the
     * local date of a reservation's {@code startTime} (its offset is the building's), or {@code null} when the
     * resource is not date-bounded or the field is missing or unreadable.
     */
    static LocalDate dayOf(MapiqResource resource, ListedRecord record) {
        if (resource != MapiqResource.WORKDAYS && resource != MapiqResource.WORKSPACE_RESERVATIONS
            && resource != MapiqResource.PARKING_RESERVATIONS) {
            return null;
        }
        String text = record.key(DATE);
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
    static Instant timestampOf(ListedRecord event) {
        String text = event.key(DATE);
        if (text != null) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                "A Mapiq check-in event has no ISO-8601 'timestamp', so the consumer cannot place it in time: " + event);
    }
}
