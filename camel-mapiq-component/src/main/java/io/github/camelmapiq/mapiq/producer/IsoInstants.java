package io.github.camelmapiq.mapiq.producer;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** The one test of timestamps the producer posts, so check-in events and occupancy readings accept the same forms. */
final class IsoInstants {

    private IsoInstants() {
    }

    /** An ISO-8601 date-time with an offset ({@code 2026-03-02T09:15:00+01:00}) or a UTC instant ({@code ...Z}). */
    static boolean isIsoInstant(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException notOffsetDateTime) {
            try {
                Instant.parse(text);
                return true;
            } catch (DateTimeParseException notInstant) {
                return false;
            }
        }
    }
}
