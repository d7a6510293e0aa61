package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.model.IsoDateTimes;
import io.github.camelmapiq.mapiq.client.query.ListSpec;

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

    /** The fields a listing captures for change detection: the id, then the date field if the resource has one. */
    static String[] fields(MapiqResource resource) {
        return resource.listing().keyFields();
    }

    /** Only the id, for a listing whose every record is delivered: nothing else is read from its records. */
    static String[] idField(MapiqResource resource) {
        return new String[] { resource.listing().idField() };
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
                    "A Mapiq " + resource.uriName() + " record has no '" + resource.listing().idField() + "' field, so its changes "
                                               + "cannot be tracked: " + record);
        }
        return id;
    }

    /**
     * The date by which Mapiq places the record in a {@code startDate..endDate} window ({@link ListSpec#dayOf}), or
     * {@code null} when the resource does not place records by day or the field is missing or unreadable.
     */
    static LocalDate dayOf(MapiqResource resource, ListedRecord record) {
        return resource.listing().dayOf(record.key(DATE));
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
                return IsoDateTimes.parseOffsetDateTime(text).toInstant();
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new IllegalArgumentException(
                "A Mapiq check-in event has no ISO-8601 'timestamp', so the consumer cannot place it in time: " + event);
    }
}
