package io.github.camelmapiq.mapiq.client.query;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.client.http.RecordSink;

/**
 * What a list of one resource asks Mapiq for: the path, the date window (kept as expressions and evaluated at each
 * call in {@code timeZone}) and the filters its {@link ListSpec} accepts. Built once when an endpoint starts, so that
 * misconfiguration (a filter the resource does not support, a date-bounded resource without {@code startDate}, an
 * unparsable date) fails the route at startup with a message naming the option. Shared by the consumers and the
 * producer's {@code operation=list}. Immutable; the {@code with...} methods return modified copies (for per-exchange
 * header overrides). {@code pageSize} is taken as checked by the caller.
 */
public final class ListQuery {

    private final ListSpec spec;
    private final String path;
    private final DateExpression startDate;
    private final DateExpression endDate;
    private final Map<Filter, String> filters;
    private final ZoneId zone;
    private final int pageSize;

    private ListQuery(ListSpec spec, String path, DateExpression startDate, DateExpression endDate,
                      Map<Filter, String> filters, ZoneId zone, int pageSize) {
        this.spec = spec;
        this.path = path;
        this.startDate = startDate;
        this.endDate = endDate;
        this.filters = Collections.unmodifiableMap(filters);
        this.zone = zone;
        this.pageSize = pageSize;
    }

    /**
     * A query of {@code spec} at {@code path} without filters or dates (add them with the {@code with...} methods).
     *
     * @param timeZone the zone dates are evaluated in: an IANA id or an offset; the system zone when blank
     * @throws IllegalArgumentException naming {@code timeZone} when it is not a zone
     */
    public static ListQuery of(ListSpec spec, String path, String timeZone, int pageSize) {
        return new ListQuery(spec, path, null, null, new LinkedHashMap<>(), TimeZoneOption.parse(timeZone), pageSize);
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
        Set<Filter> supported = spec.filters();
        if (!supported.contains(filter)) {
            throw new IllegalArgumentException(
                    "Option " + filter.option() + " is not supported by mapiq:" + spec.name() + "; it accepts "
                                               + (supported.isEmpty()
                                                       ? "no filters"
                                                       : Arrays.stream(Filter.values()).filter(supported::contains)
                                                               .map(Filter::option)
                                                               .collect(Collectors.joining(", "))));
        }
        String trimmed = value.trim();
        if (filter == Filter.STATUS && !Filter.WORKDAY_STATUSES.contains(trimmed)) {
            throw new IllegalArgumentException(
                    "Invalid status '" + value + "': allowed values are " + String.join(", ", Filter.WORKDAY_STATUSES));
        }
        Map<Filter, String> copy = new LinkedHashMap<>(filters);
        copy.put(filter, trimmed);
        return new ListQuery(spec, path, startDate, endDate, copy, zone, pageSize);
    }

    /**
     * A copy with the window {@code startDate..endDate}; {@code endDate} defaults to {@code startDate}. A date-bounded
     * resource requires {@code startDate} (with neither, the query stays without a window: see
     * {@link #requireWindow}); the others accept neither.
     */
    public ListQuery withDates(String startText, String endText) {
        boolean hasStart = startText != null && !startText.isBlank();
        boolean hasEnd = endText != null && !endText.isBlank();
        if (!spec.dateBounded()) {
            if (hasStart || hasEnd) {
                throw new IllegalArgumentException(
                        "Options startDate and endDate are not supported by mapiq:" + spec.name()
                                                   + ": it is not a date-bounded resource");
            }
            return this;
        }
        if (!hasStart && !hasEnd) {
            return this;
        }
        if (!hasStart) {
            throw missingStartDate();
        }
        DateExpression start = DateExpression.parse("startDate", startText);
        DateExpression end = hasEnd ? DateExpression.parse("endDate", endText) : start;
        ListQuery query = new ListQuery(spec, path, start, end, filters, zone, pageSize);
        query.window(Clock.system(zone)); // fails now when endDate is before startDate
        return query;
    }

    /**
     * This query, which lists a date-bounded resource over a window.
     *
     * @throws IllegalArgumentException naming option {@code startDate} when the resource needs a window and has none
     */
    public ListQuery requireWindow() {
        if (spec.dateBounded() && startDate == null) {
            throw missingStartDate();
        }
        return this;
    }

    private IllegalArgumentException missingStartDate() {
        return new IllegalArgumentException(
                "mapiq:" + spec.name() + " requires option startDate (" + DateExpression.ACCEPTED_FORMS
                                            + "); endDate defaults to startDate");
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

    /** The end as configured; {@code null} when it defaults to the start (the same expression, see withDates). */
    private String endDateText() {
        return endDate == null || endDate == startDate ? null : endDate.toString();
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
            throw new IllegalStateException("mapiq:" + spec.name() + " has no date window");
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
        long count = 0;
        for (Map<String, String> call : calls(window)) {
            count += client.list(path, call, pageSize, sink);
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
        return client.openListing(path, calls(window), pageSize, prefetch, keyFields);
    }

    /** The query parameters of each call over {@code window} (one per 31-day chunk), or of the undated list. */
    private List<Map<String, String>> calls(DateWindow window) {
        List<Map<String, String>> calls = new ArrayList<>();
        if (window == null) {
            if (isDateBounded()) {
                throw new IllegalArgumentException("mapiq:" + spec.name() + " needs a date window");
            }
            calls.add(params(null));
        } else {
            for (DateWindow chunk : window.chunks()) {
                calls.add(params(chunk));
            }
        }
        return calls;
    }

    /** What is listed. */
    public ListSpec spec() {
        return spec;
    }

    /**
     * A stable text naming what is listed (resource, path, dates as written, filters) but no secret, for logs.
     */
    public String describe() {
        StringJoiner joiner = new StringJoiner("&", spec.name() + ":" + path + "?", "");
        joiner.setEmptyValue(spec.name() + ":" + path);
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
        StringBuilder identity = new StringBuilder(spec.name()).append(':').append(path);
        filters.forEach((f, v) -> identity.append(';').append(f.option()).append(':').append(v));
        return identity.toString().replaceAll("[=\\r\\n]", "_");
    }

    @Override
    public String toString() {
        return describe();
    }
}
