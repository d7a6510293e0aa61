package io.github.camelmapiq.mapiq.client.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import io.github.camelmapiq.mapiq.client.model.IsoDateTimes;

/**
 * What the API lists of one resource: its name, default path, the field that identifies a record, whether lists
 * need a date window, the field that dates a record and how it places the record in a window, and the filters the
 * list understands.
 *
 * @param name        the resource's name in messages ({@code workdays})
 * @param defaultPath the v2 path ({@code /v2/workdays})
 * @param idField     the field identifying a record ({@code userId} for check-in statuses, one per user)
 * @param dateBounded lists require {@code startDate} (and accept {@code endDate})
 * @param dateField   the field that dates a record, or {@code null}
 * @param placement   how {@code dateField} places the record in a {@code startDate..endDate} window
 * @param filters     the filters a list accepts
 */
public record ListSpec(String name, String defaultPath, String idField, boolean dateBounded, String dateField,
                       DatePlacement placement, Set<Filter> filters) {

    /** How a record's date field places it in a window. */
    public enum DatePlacement {
        /** Not placed by day (undated resources; check-in events, whose timestamp is a cursor). */
        NONE,
        /** A {@code yyyy-MM-dd} date (a workday's {@code date}). */
        LOCAL_DATE,
        /** The local date of an ISO date-time with offset (a reservation's {@code startTime}, in its building). */
        OFFSET_DATE_TIME
    }

    public ListSpec {
        filters = Set.copyOf(filters);
    }

    /** An undated list, identified by {@code idField}. */
    public static ListSpec undated(String name, String defaultPath, String idField, Set<Filter> filters) {
        return new ListSpec(name, defaultPath, idField, false, null, DatePlacement.NONE, filters);
    }

    /** A list over a date window, its records dated by {@code dateField}. */
    public static ListSpec dated(String name, String defaultPath, String dateField, DatePlacement placement,
                                 Set<Filter> filters) {
        return new ListSpec(name, defaultPath, "id", true, dateField, placement, filters);
    }

    /** The fields a listing captures of each record: the id, then the date field if there is one. */
    public String[] keyFields() {
        return dateField == null ? new String[] { idField } : new String[] { idField, dateField };
    }

    /**
     * The day by which Mapiq places a record whose date field reads {@code text} in a window; {@code null} when this
     * list does not place records by day, or the text is missing or unreadable.
     */
    public LocalDate dayOf(String text) {
        if (text == null || placement == DatePlacement.NONE) {
            return null;
        }
        try {
            return placement == DatePlacement.LOCAL_DATE
                    ? IsoDateTimes.parseLocalDate(text) : IsoDateTimes.parseOffsetDateTime(text).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
