package io.github.camelmapiq.mapiq.client.query;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.client.http.RecordSink;

/**
 * What a list of one resource asks Mapiq for: the path, the date window (kept as expressions and evaluated at each
 * call in {@code timeZone}) and the filters the resource understands. Built once when an endpoint starts, so that
 * misconfiguration (a filter the resource does not support, a date-bounded resource without {@code startDate}, an
 * unparsable date) fails the route at startup with a message naming the option. Shared by the consumers and the
 * producer's {@code operation=list}. Immutable; the {@code with...} methods return modified copies (for per-exchange
 * header overrides).
 */
public final class ListQuery {

    /** Accepted values of {@code status} (workdays). */
    public static final List<String> WORKDAY_STATUSES = List.of("Office", "Remote", "NotWorking");

    /** The filter options and the query parameter each becomes. */
    public enum Filter {
        USER_ID("userId"),
        BUILDING_ID("buildingId"),
        PARKING_LOT_ID("parkingLotId"),
        STATUS("status");

        private final String option;

        Filter(String option) {
            this.option = option;
        }

        /** The endpoint option, which is also the query parameter sent to Mapiq. */
        public String option() {
            return option;
        }
    }

    private final MapiqResource resource;
    private final String path;
    private final DateExpression startDate;
    private final DateExpression endDate;
    private final Map<Filter, String> filters;
    private final ZoneId zone;
    private final int pageSize;

    private ListQuery(MapiqResource resource, String path, DateExpression startDate, DateExpression endDate,
                      Map<Filter, String> filters, ZoneId zone, int pageSize) {
        this.resource = resource;
        this.path = path;
        this.startDate = startDate;
        this.endDate = endDate;
        this.filters = Collections.unmodifiableMap(filters);
        this.zone = zone;
        this.pageSize = pageSize;
    }

    /**
     * The query of an endpoint. Validates everything that can be validated before the first call.
     *
     * @throws IllegalArgumentException naming the offending option and what is allowed
     */
    public static ListQuery of(MapiqResource resource, MapiqConfiguration configuration) {
        if (!resource.isReadable()) {
            throw new IllegalArgumentException("mapiq:" + resource.uriName() + " cannot be listed");
        }
        int pageSize = configuration.getPageSize();
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("Invalid pageSize " + pageSize + ": must be between 1 and 1000");
        }
        Map<Filter, String> filters = new LinkedHashMap<>();
        ListQuery query = new ListQuery(resource, configuration.resolvePath(resource), null, null, filters,
                                        zone(configuration.getTimeZone()), pageSize);
        query = query.withFilter(Filter.USER_ID, configuration.getUserId())
                .withFilter(Filter.BUILDING_ID, configuration.getBuildingId())
                .withFilter(Filter.PARKING_LOT_ID, configuration.getParkingLotId())
                .withFilter(Filter.STATUS, configuration.getStatus());
        query = query.withDates(configuration.getStartDate(), configuration.getEndDate());
        return query;
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.systemDefault();
        }
        // no zone id holds a space, but '+' in a URI query decodes to one: timeZone=UTC+1 arrives as "UTC 1"
        String id = timeZone.stripTrailing().replace(' ', '+');
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            String suggestion = ZoneId.getAvailableZoneIds().stream().filter(z -> z.equalsIgnoreCase(id)).findFirst()
                    .map(z -> " (did you mean " + z + "?)").orElse("");
            throw new IllegalArgumentException(
                    "Invalid timeZone '" + id + "'" + suggestion + ": expected an IANA time zone id such as "
                                               + "Europe/Amsterdam or UTC, or an offset such as +01:00",
                    e);
        }
    }

    /** Filters each resource understands. */
    public static Set<Filter> supportedFilters(MapiqResource resource) {
        return switch (resource) {
            case WORKDAYS -> EnumSet.of(Filter.USER_ID, Filter.BUILDING_ID, Filter.STATUS);
            case PARKING_RESERVATIONS -> EnumSet.of(Filter.USER_ID, Filter.BUILDING_ID, Filter.PARKING_LOT_ID);
            case WORKSPACE_RESERVATIONS, CHECKIN_EVENTS, CHECKIN_STATUSES -> EnumSet.of(Filter.USER_ID,
                    Filter.BUILDING_ID);
            case PARKING_LOTS -> EnumSet.of(Filter.BUILDING_ID);
            default -> EnumSet.noneOf(Filter.class);
        };
    }

    /**
     * A copy with {@code filter} set to {@code value} ({@code null} or blank leaves the query unchanged).
     *
     * @throws IllegalArgumentException when the resource does not support the filter or the value is not allowed
     */
    public ListQuery withFilter(Filter filter, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        Set<Filter> supported = supportedFilters(resource);
        if (!supported.contains(filter)) {
            throw new IllegalArgumentException(
                    "Option " + filter.option() + " is not supported by mapiq:" + resource.uriName() + "; it accepts "
                                               + (supported.isEmpty()
                                                       ? "no filters"
                                                       : supported.stream().map(Filter::option)
                                                               .collect(Collectors.joining(", "))));
        }
        String trimmed = value.trim();
        if (filter == Filter.STATUS && !WORKDAY_STATUSES.contains(trimmed)) {
            throw new IllegalArgumentException(
                    "Invalid status '" + value + "': allowed values are " + String.join(", ", WORKDAY_STATUSES));
        }
        Map<Filter, String> copy = new LinkedHashMap<>(filters);
        copy.put(filter, trimmed);
        return new ListQuery(resource, path, startDate, endDate, copy, zone, pageSize);
    }

    /**
     * A copy with the window {@code startDate..endDate}; {@code endDate} defaults to {@code startDate}. A date-bounded
     * resource requires {@code startDate}; the others accept neither.
     */
    public ListQuery withDates(String startText, String endText) {
        boolean hasStart = startText != null && !startText.isBlank();
        boolean hasEnd = endText != null && !endText.isBlank();
        if (!resource.isDateBounded()) {
            if (hasStart || hasEnd) {
                throw new IllegalArgumentException(
                        "Options startDate and endDate are not supported by mapiq:" + resource.uriName()
                                                   + ": it is not a date-bounded resource");
            }
            return this;
        }
        if (!hasStart) {
            throw new IllegalArgumentException(
                    "mapiq:" + resource.uriName() + " requires option startDate (" + DateExpression.ACCEPTED_FORMS
                                               + "); endDate defaults to startDate");
        }
        DateExpression start = DateExpression.parse("startDate", startText);
        DateExpression end = hasEnd ? DateExpression.parse("endDate", endText) : start;
        ListQuery query = new ListQuery(resource, path, start, end, filters, zone, pageSize);
        query.window(Clock.system(zone)); // fails now when endDate is before startDate
        return query;
    }

    /** A copy with only {@code startDate} replaced (a header override); the end stays as configured. */
    public ListQuery withStartDate(String startText) {
        return startText == null || startText.isBlank() ? this : withDates(startText, endDateText());
    }

    /** A copy with only {@code endDate} replaced (a header override). */
    public ListQuery withEndDate(String endText) {
        return endText == null || endText.isBlank() ? this : withDates(startDateText(), endText);
    }

    private String startDateText() {
        return startDate == null ? null : startDate.toString();
    }

    private String endDateText() {
        return endDate == null ? null : endDate.toString();
    }

    public String path() {
        return path;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The filters as query parameters, in a stable order. */
    public Map<String, String> filterParams() {
        Map<String, String> params = new LinkedHashMap<>();
        filters.forEach((f, v) -> params.put(f.option(), v));
        return params;
    }

    public boolean isDateBounded() {
        return startDate != null;
    }

    /** Today in {@code timeZone} according to {@code clock}. */
    private LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The configured window evaluated now, in {@code timeZone}.
     *
     * @throws IllegalStateException when the resource is not date-bounded
     * @throws IllegalArgumentException when endDate evaluates before startDate
     */
    public DateWindow window(Clock clock) {
        if (startDate == null) {
            throw new IllegalStateException("mapiq:" + resource.uriName() + " has no date window");
        }
        LocalDate today = today(clock);
        return new DateWindow(startDate.evaluate(today), endDate.evaluate(today));
    }

    /** The query parameters of one call over {@code chunk} (at most 31 days), or of an undated list when null. */
    public Map<String, String> params(DateWindow chunk) {
        Map<String, String> params = new LinkedHashMap<>();
        if (chunk != null) {
            params.put("startDate", chunk.start().toString());
            params.put("endDate", chunk.end().toString());
        }
        params.putAll(filterParams());
        return params;
    }

    /**
     * Lists everything the query selects now: the configured window evaluated in {@code timeZone} (split into calls of
     * at most 31 days), or the whole undated list.
     *
     * @return the number of records handed to {@code sink}
     */
    public long run(MapiqHttpClient client, Clock clock, RecordSink sink) throws Exception {
        return run(client, isDateBounded() ? window(clock) : null, sink);
    }

    /**
     * Lists {@code window} (split into calls of at most 31 days, in date order), or the whole undated list when
     * {@code window} is null.
     *
     * @return the number of records handed to {@code sink}
     */
    public long run(MapiqHttpClient client, DateWindow window, RecordSink sink) throws Exception {
        if (window == null) {
            if (isDateBounded()) {
                throw new IllegalArgumentException("mapiq:" + resource.uriName() + " needs a date window");
            }
            return client.list(path, params(null), pageSize, sink);
        }
        long count = 0;
        for (DateWindow chunk : window.chunks()) {
            count += client.list(path, params(chunk), pageSize, sink);
        }
        return count;
    }

    /**
     * Opens the listing of {@code window} (calls of at most 31 days, in date order), or of the whole undated list when
     * {@code window} is null; each record carries the text of {@code keyFields}.
     *
     * @param prefetch where the next page is fetched meanwhile; {@code null} for none
     */
    public Listing open(MapiqHttpClient client, DateWindow window, Executor prefetch, String... keyFields) {
        List<Map<String, String>> calls = new ArrayList<>();
        if (window == null) {
            if (isDateBounded()) {
                throw new IllegalArgumentException("mapiq:" + resource.uriName() + " needs a date window");
            }
            calls.add(params(null));
        } else {
            for (DateWindow chunk : window.chunks()) {
                calls.add(params(chunk));
            }
        }
        return client.openListing(path, calls, pageSize, prefetch, keyFields);
    }

    /** The resource listed. */
    public MapiqResource resource() {
        return resource;
    }

    /**
     * A stable text naming what is listed (resource, path, dates as written, filters) but no secret, for logs.
     */
    public String describe() {
        StringJoiner joiner = new StringJoiner("&", resource.uriName() + ":" + path + "?", "");
        joiner.setEmptyValue(resource.uriName() + ":" + path);
        if (startDate != null) {
            joiner.add("startDate=" + startDate);
            joiner.add("endDate=" + endDate);
        }
        filters.forEach((f, v) -> joiner.add(f.option() + "=" + v));
        return joiner.toString();
    }

    /**
     * What is listed without the dates, as {@code resource:path[;option:value]...}: consumers derive their default
     * state key from it, so moving or widening the window keeps the state. It holds no {@code =} and no line break,
     * which Camel's {@code FileStateRepository} refuses in keys.
     */
    public String identity() {
        StringBuilder identity = new StringBuilder(resource.uriName()).append(':').append(path);
        filters.forEach((f, v) -> identity.append(';').append(f.option()).append(':').append(v));
        return identity.toString().replaceAll("[=\\r\\n]", "_");
    }

    @Override
    public String toString() {
        return describe();
    }
}
