package io.github.camelmapiq.mapiq.client.query;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Reads the {@code timeZone} option: an IANA zone id or an offset; the system zone when blank. */
final class TimeZoneOption {

    private TimeZoneOption() {
    }

    /**
     * @throws IllegalArgumentException naming {@code timeZone} and what it accepts, with a suggestion when only the
     *                                  case differs from a known zone
     */
    static ZoneId parse(String timeZone) {
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
}
