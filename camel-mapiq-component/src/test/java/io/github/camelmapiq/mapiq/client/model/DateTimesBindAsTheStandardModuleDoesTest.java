package io.github.camelmapiq.mapiq.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The mapper reads date-times by hand for speed; every value, in the forms Mapiq sends and in any other, must bind to
 * exactly what jackson-datatype-jsr310 gives (offset kept), and fail where it fails.
 */
class DateTimesBindAsTheStandardModuleDoesTest {

    private static final ObjectMapper STANDARD = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    static List<String> dateTimes() {
        return List.of("\"2026-03-02T09:00:00+01:00\"", "\"2026-03-02T08:00:00Z\"", "\"2026-12-07T23:30:00-08:00\"",
                "\"2026-03-02T09:00:00.5+05:30\"", "\"2026-03-02T09:00:00.250Z\"", "\"2026-03-02T09:00:00.123456789Z\"",
                "\"2026-03-02T09:00:00.1234567891Z\"", "\"2026-03-02T09:00:00-00:00\"", "\"2026-03-02T09:00:00+14:00\"",
                "\"2026-03-02T09:00:00+18:30\"", "\"2026-03-02T09:00+01:00\"", "\"2026-03-02T09:00:00+0100\"",
                "\"2026-02-30T09:00:00Z\"", "\"2026-03-02T24:00:00Z\"", "\"2026-03-02T09:00:60Z\"",
                "\"2026-03-02 09:00:00Z\"", "\"2026-03-02T09:00:00.Z\"", "\"2026-03-02T09:00:00\"", "\"\"", "\"  \"",
                "\"２０26-03-02T09:00:00Z\"", "1772438400", "1772438400.5", "null", "true", "\"+12026-03-02T09:00:00Z\"");
    }

    static List<String> dates() {
        return List.of("\"2026-03-02\"", "\"2024-02-29\"", "\"2026-02-29\"", "\"2026-13-01\"", "\"2026-3-2\"",
                "\"2026-03-02T09:00:00Z\"", "\"\"", "null", "[2026,3,2]", "\"20260302\"");
    }

    @ParameterizedTest
    @MethodSource("dateTimes")
    void offsetDateTimesAndInstants(String json) {
        same(json, OffsetDateTime.class);
        same(json, Instant.class);
    }

    @ParameterizedTest
    @MethodSource("dates")
    void localDates(String json) {
        same(json, LocalDate.class);
    }

    private static void same(String json, Class<?> type) {
        Object expected = null;
        Throwable expectedFailure = catchThrowable(() -> STANDARD.readValue(json, type));
        if (expectedFailure == null) {
            expected = read(STANDARD, json, type);
        }
        Throwable failure = catchThrowable(() -> MapiqJson.mapper().readValue(json, type));
        if (expectedFailure != null) {
            assertThat(failure).as(json + " as " + type.getSimpleName()).isNotNull()
                    .hasSameClassAs(expectedFailure).hasMessage(expectedFailure.getMessage());
            return;
        }
        assertThat(failure).as(json + " as " + type.getSimpleName()).isNull();
        Object actual = read(MapiqJson.mapper(), json, type);
        assertThat(actual).as(json + " as " + type.getSimpleName()).isEqualTo(expected);
        if (actual instanceof OffsetDateTime time) {
            assertThat(time.getOffset()).isEqualTo(((OffsetDateTime) expected).getOffset());
        }
    }

    private static Object read(ObjectMapper mapper, String json, Class<?> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
