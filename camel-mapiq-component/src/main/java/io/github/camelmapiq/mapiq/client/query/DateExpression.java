package io.github.camelmapiq.mapiq.client.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date option such as {@code startDate}: an ISO date ({@code 2026-03-01}) or a date relative to the day it is
 * evaluated ({@code today}, {@code today+6d}, {@code today-1d}). Relative expressions are kept unevaluated so a
 * consumer moves its window with the calendar at every poll.
 * <p>
 * Camel decodes {@code +} in an endpoint URI's query as a space, so {@code today 6d} is read as {@code today+6d};
 * users may also write {@code today%2B6d} or use YAML parameters, where no decoding happens.
 */
public final class DateExpression {

    /** The forms a user may write, for error messages and docs. */
    public static final String ACCEPTED_FORMS = "an ISO date such as 2026-03-01, or today, today+6d, today-1d";

    private static final int MAX_OFFSET_DAYS = 36_600;
    // "today", "today+6d", "today-1d", and "today 6d" (a '+' that URI decoding turned into a space)
    private static final Pattern RELATIVE = Pattern.compile("today(?:\\s*([+\\-]|\\s)\\s*(\\d{1,6})\\s*d)?");

    private final LocalDate absolute;
    private final int offsetDays;

    private DateExpression(LocalDate absolute, int offsetDays) {
        this.absolute = absolute;
        this.offsetDays = offsetDays;
    }

    /**
     * Parses {@code text}, the value of option {@code option}; the error names the option, the value and the accepted
     * forms.
     */
    public static DateExpression parse(String option, String text) {
        if (text == null || text.isBlank()) {
            throw invalid(option, text);
        }
        String trimmed = text.trim();
        Matcher relative = RELATIVE.matcher(trimmed.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            if (relative.group(2) == null) {
                return new DateExpression(null, 0);
            }
            int days = Integer.parseInt(relative.group(2));
            if (days > MAX_OFFSET_DAYS) {
                throw invalid(option, text);
            }
            return new DateExpression(null, "-".equals(relative.group(1)) ? -days : days);
        }
        try {
            return new DateExpression(LocalDate.parse(trimmed), 0);
        } catch (DateTimeParseException e) {
            throw invalid(option, text);
        }
    }

    private static IllegalArgumentException invalid(String option, String text) {
        return new IllegalArgumentException(
                "Invalid " + option + " '" + text + "': expected " + ACCEPTED_FORMS
                                            + " (in a URI write today%2B6d or 'today 6d', since '+' decodes to a space)");
    }

    /** The date this expression stands for when today is {@code today}. */
    public LocalDate evaluate(LocalDate today) {
        return absolute != null ? absolute : today.plusDays(offsetDays);
    }

    /** Whether the date moves with the calendar ({@code today...}) rather than being a fixed ISO date. */
    public boolean isRelative() {
        return absolute == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DateExpression other && Objects.equals(absolute, other.absolute)
                && offsetDays == other.offsetDays;
    }

    @Override
    public int hashCode() {
        return Objects.hash(absolute, offsetDays);
    }

    /** The canonical form: the ISO date, {@code today}, or {@code today+Nd}/{@code today-Nd}. */
    @Override
    public String toString() {
        if (absolute != null) {
            return absolute.toString();
        }
        return offsetDays == 0 ? "today" : "today" + (offsetDays > 0 ? "+" : "") + offsetDays + "d";
    }
}
