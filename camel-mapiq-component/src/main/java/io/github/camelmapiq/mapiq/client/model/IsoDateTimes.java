package io.github.camelmapiq.mapiq.client.model;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

/**
 * Reads the date-times Mapiq sends ({@code 2026-03-02T09:00:00+01:00}, {@code 2026-03-02T08:00:00.250Z},
 * {@code 2026-03-02}) by hand, with the offset kept as sent, as {@link MapiqJson} configures. Going through
 * {@code DateTimeFormatter} cost more than half of binding a reservation. Any other text or token (another ISO form,
 * an epoch number, a value out of range) goes to jackson-datatype-jsr310's own deserializer, so results and error
 * messages are those of the standard module.
 */
public final class IsoDateTimes {

    private IsoDateTimes() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("mapiq-iso-date-times");
        module.addDeserializer(OffsetDateTime.class, new Reader<>(OffsetDateTime.class,
                InstantDeserializer.OFFSET_DATE_TIME, IsoDateTimes::offsetDateTime));
        module.addDeserializer(Instant.class, new Reader<>(Instant.class, InstantDeserializer.INSTANT,
                (text, offset, length) -> {
                    OffsetDateTime parsed = offsetDateTime(text, offset, length);
                    return parsed == null ? null : parsed.toInstant();
                }));
        module.addDeserializer(LocalDate.class, new Reader<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                IsoDateTimes::localDate));
        return module;
    }

    /**
     * {@code OffsetDateTime.parse(text)}, by hand for the forms Mapiq sends.
     *
     * @throws java.time.format.DateTimeParseException as {@code OffsetDateTime.parse} does
     */
    public static OffsetDateTime parseOffsetDateTime(String text) {
        OffsetDateTime fast = offsetDateTime(text);
        return fast != null ? fast : OffsetDateTime.parse(text);
    }

    /**
     * {@code LocalDate.parse(text)}, by hand for {@code yyyy-MM-dd}.
     *
     * @throws java.time.format.DateTimeParseException as {@code LocalDate.parse} does
     */
    public static LocalDate parseLocalDate(String text) {
        LocalDate fast = localDate(text);
        return fast != null ? fast : LocalDate.parse(text);
    }

    /** Parses text (the parser's own characters) in the one form it knows, or answers null for anything else. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(char[] text, int offset, int length);
    }

    private static final class Reader<T> extends StdScalarDeserializer<T> {
        private final JsonDeserializer<T> standard;
        private final Parser<T> parser;

        Reader(Class<T> type, JsonDeserializer<T> standard, Parser<T> parser) {
            super(type);
            this.standard = standard;
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                T value = parser.parse(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                if (value != null) {
                    return value;
                }
            }
            return standard.deserialize(p, ctxt);
        }
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss[.f{1,9}](Z|+HH:MM|-HH:MM)}, or null. */
    static OffsetDateTime offsetDateTime(String s) {
        return offsetDateTime(s.toCharArray(), 0, s.length());
    }

    /** {@link #offsetDateTime(String)} of the {@code n} characters of {@code c} from {@code o}. */
    static OffsetDateTime offsetDateTime(char[] c, int o, int n) {
        if (n < 20 || !date(c, o) || c[o + 10] != 'T' || c[o + 13] != ':' || c[o + 16] != ':') {
            return null;
        }
        int hour = twoDigits(c, o, 11);
        int minute = twoDigits(c, o, 14);
        int second = twoDigits(c, o, 17);
        if (hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (c[o + i] == '.') {
            int digits = 0;
            i++;
            while (i < n && digit(c[o + i]) && digits < 9) {
                nanos = nanos * 10 + (c[o + i] - '0');
                digits++;
                i++;
            }
            if (digits == 0 || i < n && digit(c[o + i])) {
                return null;
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(c, o, n, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year(c, o), twoDigits(c, o, 5), twoDigits(c, o, 8), hour, minute, second, nanos,
                    offset);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** {@code yyyy-MM-dd}, or null. */
    static LocalDate localDate(String s) {
        return localDate(s.toCharArray(), 0, s.length());
    }

    /** {@link #localDate(String)} of the {@code n} characters of {@code c} from {@code o}. */
    static LocalDate localDate(char[] c, int o, int n) {
        if (n != 10 || !date(c, o)) {
            return null;
        }
        try {
            return LocalDate.of(year(c, o), twoDigits(c, o, 5), twoDigits(c, o, 8));
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static boolean date(char[] c, int o) {
        return year(c, o) >= 0 && c[o + 4] == '-' && twoDigits(c, o, 5) >= 0 && c[o + 7] == '-'
               && twoDigits(c, o, 8) >= 0;
    }

    private static int year(char[] c, int o) {
        int a = twoDigits(c, o, 0);
        int b = twoDigits(c, o, 2);
        return a < 0 || b < 0 ? -1 : a * 100 + b;
    }

    private static ZoneOffset offset(char[] c, int o, int n, int i) {
        if (i == n - 1 && c[o + i] == 'Z') {
            return ZoneOffset.UTC;
        }
        if (i != n - 6 || c[o + i + 3] != ':') {
            return null;
        }
        char sign = c[o + i];
        int hours = twoDigits(c, o, i + 1);
        int minutes = twoDigits(c, o, i + 4);
        if (sign != '+' && sign != '-' || hours < 0 || minutes < 0) {
            return null;
        }
        if (hours > 18 || minutes > 59) {
            return null;
        }
        int seconds = (hours * 60 + minutes) * 60 * (sign == '+' ? 1 : -1);
        if (Math.abs(seconds) > 18 * 3600) {
            return null; // out of range: the standard deserializer reports it
        }
        int slot = seconds / 900 + 72;
        if (seconds % 900 == 0) { // the offsets in use are whole quarter hours: built once
            ZoneOffset cached = OFFSETS[slot];
            if (cached == null) {
                cached = offsetOf(seconds);
                OFFSETS[slot] = cached;
            }
            return cached;
        }
        return offsetOf(seconds);
    }

    private static final ZoneOffset[] OFFSETS = new ZoneOffset[145];

    private static ZoneOffset offsetOf(int seconds) {
        try {
            return ZoneOffset.ofTotalSeconds(seconds);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    private static int twoDigits(char[] c, int o, int at) {
        char a = c[o + at];
        char b = c[o + at + 1];
        return digit(a) && digit(b) ? (a - '0') * 10 + (b - '0') : -1;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
