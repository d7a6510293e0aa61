package io.github.camelmapiq.mapiq.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates, times with offsets and instants read as java.time types and are written as ISO-8601 strings. */
class JavaTimeTypesTest {

    private final ObjectMapper mapper = MapiqJson.mapper();

    @Test
    void reservationTimesKeepTheirOffset() throws Exception {
        WorkspaceReservation r = mapper.treeToValue(Representations.sample("workspace-reservations"),
                WorkspaceReservation.class);

        assertThat(r.getStartTime()).isEqualTo(OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertThat(mapper.valueToTree(r).get("startTime").asText()).isEqualTo("2026-03-02T09:00:00+01:00");
    }

    @Test
    void workdayDateIsALocalDateAndEventTimestampAnInstant() throws Exception {
        Workday w = mapper.treeToValue(Representations.sample("workdays"), Workday.class);
        CheckinEvent e = mapper.treeToValue(Representations.sample("checkin-events"), CheckinEvent.class);

        assertThat(w.getDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(e.getTimestamp()).isEqualTo(Instant.parse("2026-03-02T08:12:30Z"));
        assertThat(mapper.writeValueAsString(e)).contains("\"timestamp\":\"2026-03-02T08:12:30Z\"");
    }

    @Test
    void checkinToPostLeavesOutAnAbsentTimestamp() throws Exception {
        CheckinEventCreate create = new CheckinEventCreate();
        create.setUserId("u-1");
        create.setBuildingId("b-1");
        create.setEventType(CheckinEventType.AT_THE_OFFICE);
        create.setSource(CheckinSource.SENSOR);

        assertThat(mapper.writeValueAsString(create))
                .isEqualTo("{\"userId\":\"u-1\",\"buildingId\":\"b-1\",\"eventType\":\"AtTheOffice\",\"source\":\"Sensor\"}");
    }
}
