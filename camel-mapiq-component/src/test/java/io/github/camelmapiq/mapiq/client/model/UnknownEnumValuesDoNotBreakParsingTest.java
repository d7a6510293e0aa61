package io.github.camelmapiq.mapiq.client.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An enum value this version does not know parses as {@code UNKNOWN}, stays reachable as sent and is written back
 * unchanged; known values map to their constants.
 */
class UnknownEnumValuesDoNotBreakParsingTest {

    private final ObjectMapper mapper = MapiqJson.mapper();

    @Test
    void unknownWorkdayStatusIsUnknownAndKeptAsSent() throws Exception {
        ObjectNode sent = Representations.sample("workdays").put("status", "Hybrid");

        Workday workday = mapper.treeToValue(sent, Workday.class);

        assertThat(workday.getStatus()).isEqualTo(WorkdayStatus.UNKNOWN);
        assertThat(workday.getStatusValue()).isEqualTo("Hybrid");
        assertThat(mapper.valueToTree(workday).get("status").asText()).isEqualTo("Hybrid");
    }

    @Test
    void unknownCheckinTypeAndSourceAreKept() throws Exception {
        ObjectNode sent = Representations.sample("checkin-events").put("eventType", "OnTheWay").put("source", "Bluetooth");

        CheckinEvent event = mapper.treeToValue(sent, CheckinEvent.class);

        assertThat(event.getEventType()).isEqualTo(CheckinEventType.UNKNOWN);
        assertThat(event.getEventTypeValue()).isEqualTo("OnTheWay");
        assertThat(event.getSource()).isEqualTo(CheckinSource.UNKNOWN);
        assertThat(event.getSourceValue()).isEqualTo("Bluetooth");
        assertThat(mapper.valueToTree(event).toString()).contains("\"eventType\":\"OnTheWay\"", "\"source\":\"Bluetooth\"");
    }

    @Test
    void knownValuesMapToTheirConstantsWhateverTheCase() throws Exception {
        CheckinStatus status = mapper.treeToValue(Representations.sample("checkin-statuses"), CheckinStatus.class);
        assertThat(status.getStatus()).isEqualTo(CheckinEventType.NOT_AT_THE_OFFICE);
        assertThat(status.getSource()).isEqualTo(CheckinSource.ACCESS_GATE);
        assertThat(CheckinSource.fromValue("wifi")).isEqualTo(CheckinSource.WIFI);
        assertThat(WorkdayStatus.fromValue("NotWorking")).isEqualTo(WorkdayStatus.NOT_WORKING);
    }

    @Test
    void settingUnknownIsRefusedBecauseItHasNoStringOfItsOwn() {
        Workday workday = new Workday();
        assertThatThrownBy(() -> workday.setStatus(WorkdayStatus.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("status").hasMessageContaining("statusValue");
    }
}
