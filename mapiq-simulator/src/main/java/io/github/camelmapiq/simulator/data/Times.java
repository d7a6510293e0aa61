package io.github.camelmapiq.simulator.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Date and time rendering on the hot path. Hand-rolled because formatting two timestamps per
 * reservation with {@code DateTimeFormatter} costs more than the rest of a list response.
 */
public final class Times {

    private Times() {
    }

    /** ISO-8601 with offset, second precision: {@code 2024-05-01T09:00:00+02:00}. */
    public static String offsetDateTime(long epochSecond, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(Instant.ofEpochSecond(epochSecond));
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
        StringBuilder sb = new StringBuilder(25);
        appendDate(sb, t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        sb.append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int total = offset.getTotalSeconds();
        if (total == 0) {
            sb.append("+00:00");
        } else {
            sb.append(total < 0 ? '-' : '+');
            total = Math.abs(total);
            two(sb, total / 3600).append(':');
            two(sb, (total / 60) % 60);
        }
        return sb.toString();
    }

    /** ISO-8601 instant in UTC: {@code 2024-05-01T07:03:12Z} (milliseconds only when present). */
    public static String instant(long epochMilli) {
        return Instant.ofEpochMilli(epochMilli).toString();
    }

    public static String date(long epochDay) {
        LocalDate d = LocalDate.ofEpochDay(epochDay);
        StringBuilder sb = new StringBuilder(10);
        appendDate(sb, d.getYear(), d.getMonthValue(), d.getDayOfMonth());
        return sb.toString();
    }

    private static void appendDate(StringBuilder sb, int y, int m, int d) {
        if (y >= 0 && y < 10000) {
            sb.append((char) ('0' + y / 1000)).append((char) ('0' + (y / 100) % 10))
                    .append((char) ('0' + (y / 10) % 10)).append((char) ('0' + y % 10));
        } else {
            sb.append(y);
        }
        sb.append('-');
        two(sb, m).append('-');
        two(sb, d);
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    /** Parses an ISO date-time with offset or a UTC instant; null when unparseable. */
    public static Instant parseInstant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
