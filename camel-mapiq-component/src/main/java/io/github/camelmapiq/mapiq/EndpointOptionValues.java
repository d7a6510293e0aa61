package io.github.camelmapiq.mapiq;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.spi.PropertyConfigurerGetter;

/**
 * Checks the text of numeric and enum endpoint options before Camel binds them, so a bad value fails the route at
 * startup with a message naming the option and what it accepts. Camel itself converts a number it cannot read to
 * {@code 0} without a word ({@code checkinOverlap=abc} becomes no overlap, {@code delay=abc} a busy loop,
 * {@code maxMessagesPerPoll=abc} no cap), and its enum error names only the enum class.
 */
final class EndpointOptionValues {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("[-+]?\\d+");
    /** The duration forms Camel reads: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 2d}. */
    private static final Pattern DURATION = Pattern.compile(
            "(?i)(\\d+(ms|millis|s|secs?|seconds?|m|mins?|minutes?|h|hours?|d|days?))+");

    private EndpointOptionValues() {
    }

    /**
     * @param  endpoint                 names the endpoint in messages, e.g. {@code mapiq:checkin-events}
     * @throws IllegalArgumentException naming the first option whose text is not a whole number (or, for options in
     *                                  milliseconds, a duration), or not one of its enum's values
     */
    static void check(String endpoint, Map<String, Object> parameters, PropertyConfigurerGetter options) {
        for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
            if (!(parameter.getValue() instanceof String text) || text.startsWith("#")) {
                continue;
            }
            Class<?> type = options.getOptionType(parameter.getKey(), true);
            String trimmed = text.trim();
            if (type != null && type.isEnum()) {
                checkEnum(endpoint, parameter.getKey(), text, type);
            } else if (type == int.class || type == Integer.class) {
                if (!WHOLE_NUMBER.matcher(trimmed).matches()) {
                    throw invalid(parameter.getKey(), text, "a whole number");
                }
            } else if (type == long.class || type == Long.class) {
                if (!WHOLE_NUMBER.matcher(trimmed).matches() && !DURATION.matcher(trimmed).matches()
                    && !isIsoDuration(trimmed)) {
                    throw invalid(parameter.getKey(), text,
                            "a number of milliseconds or a duration such as 500ms, 30s, 5m, 1h30m or PT5M");
                }
            }
        }
    }

    private static void checkEnum(String endpoint, String option, String text, Class<?> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
        if (allowed.stream().noneMatch(text.trim()::equalsIgnoreCase)) {
            throw new IllegalArgumentException("Invalid value '" + text + "' for option " + option + " of " + endpoint
                                               + "; allowed values: " + String.join(", ", allowed));
        }
    }

    private static boolean isIsoDuration(String text) {
        if (!text.regionMatches(true, 0, "P", 0, 1)) {
            return false;
        }
        try {
            Duration.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static IllegalArgumentException invalid(String option, String text, String expected) {
        return new IllegalArgumentException("Invalid " + option + " '" + text + "': expected " + expected);
    }
}
