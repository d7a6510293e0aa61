package io.github.camelmapiq.benchmark;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A date window of workspace reservations, listed 1,000 per page. Every client gets the same absolute dates, from the
 * day in UTC when the simulator started (its data is laid out around that day), taken once per run, so they all ask
 * for the same records even if the run goes past midnight. Mapiq answers at most 31 days per call,
 * so a longer window is asked in chunks, as the component does.
 *
 * @param start first day, inclusive
 * @param end   last day, inclusive
 */
record Window(LocalDate start, LocalDate end) {

    static final int PAGE_SIZE = 1000;
    static final int MAX_DAYS_PER_CALL = 31;

    /** The simulator's "today": the day in UTC (its clock's zone) right after it started. */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Today and the 6 days after it: about 118,000 records with 50,000 users. */
    static Window week(LocalDate today) {
        return new Window(today, today.plusDays(6));
    }

    /** Today-30 to today+30: every record of the simulator (about a million with 50,000 users), in two calls. */
    static Window sixtyOneDays(LocalDate today) {
        return new Window(today.minusDays(30), today.plusDays(30));
    }

    long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** The calls of at most 31 days that cover the window. */
    List<Window> chunks() {
        List<Window> chunks = new ArrayList<>();
        for (LocalDate from = start; !from.isAfter(end); from = from.plusDays(MAX_DAYS_PER_CALL)) {
            LocalDate to = from.plusDays(MAX_DAYS_PER_CALL - 1);
            chunks.add(new Window(from, to.isAfter(end) ? end : to));
        }
        return chunks;
    }

    /** The query of the first page of this (at most 31-day) window. */
    String query() {
        return "startDate=" + start + "&endDate=" + end + "&pageSize=" + PAGE_SIZE;
    }

    /** The options of a {@code mapiq:workspace-reservations} endpoint for this window. */
    String mapiqOptions() {
        return "startDate=" + start + "&endDate=" + end + "&timeZone=UTC&pageSize=" + PAGE_SIZE;
    }

    @Override
    public String toString() {
        return start + " to " + end + " (" + days() + " days)";
    }
}
