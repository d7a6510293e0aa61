package io.github.camelmapiq.mapiq.client.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An inclusive range of dates {@code start..end} of a date-bounded list. Mapiq answers at most {@value #MAX_DAYS} days
 * per call, so longer windows are {@linkplain #chunks() split} into consecutive calls.
 */
public record DateWindow(LocalDate start, LocalDate end) {

    /** The longest range Mapiq accepts in one call. */
    public static final int MAX_DAYS = 31;

    public DateWindow {
        if (start == null || end == null) {
            throw new IllegalArgumentException("A date window needs both a start and an end date");
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException(
                    "endDate " + end + " is before startDate " + start + ": the window is startDate..endDate inclusive");
        }
    }

    /** Number of days in the window, both ends included. */
    public long days() {
        return ChronoUnit.DAYS.between(start, end) + 1;
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && !date.isAfter(end);
    }

    /** Consecutive windows of at most {@value #MAX_DAYS} days covering this one exactly once, in date order. */
    public List<DateWindow> chunks() {
        return chunks(MAX_DAYS);
    }

    /** Consecutive windows of at most {@code maxDays} days covering this one exactly once, in date order. */
    public List<DateWindow> chunks(int maxDays) {
        if (maxDays < 1) {
            throw new IllegalArgumentException("maxDays must be at least 1, was " + maxDays);
        }
        List<DateWindow> chunks = new ArrayList<>();
        LocalDate chunkStart = start;
        while (!chunkStart.isAfter(end)) {
            LocalDate chunkEnd = chunkStart.plusDays(maxDays - 1L);
            if (chunkEnd.isAfter(end)) {
                chunkEnd = end;
            }
            chunks.add(new DateWindow(chunkStart, chunkEnd));
            chunkStart = chunkEnd.plusDays(1);
        }
        return chunks;
    }

    @Override
    public String toString() {
        return start + ".." + end;
    }
}
