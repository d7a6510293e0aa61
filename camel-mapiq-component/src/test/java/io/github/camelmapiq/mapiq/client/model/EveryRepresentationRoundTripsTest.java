package io.github.camelmapiq.mapiq.client.model;

import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every contract representation reads into its model type and writes back field for field, values unchanged. */
class EveryRepresentationRoundTripsTest {

    private final ObjectMapper mapper = MapiqJson.mapper();

    static Stream<Arguments> representations() {
        return Stream.of(
                Arguments.of("users", User.class),
                Arguments.of("buildings", Building.class),
                Arguments.of("parking-lots", ParkingLot.class),
                Arguments.of("workdays", Workday.class),
                Arguments.of("workspace-reservations", WorkspaceReservation.class),
                Arguments.of("parking-reservations", ParkingReservation.class),
                Arguments.of("checkin-events", CheckinEvent.class),
                Arguments.of("checkin-statuses", CheckinStatus.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("representations")
    void readsEveryFieldAndWritesItBackUnchanged(String resource, Class<? extends MapiqRecord> type) throws Exception {
        ObjectNode sent = Representations.sample(resource);

        MapiqRecord record = mapper.treeToValue(sent, type);
        JsonNode written = mapper.valueToTree(record);

        assertThat(record.getUnknownFields()).as("every contract field has a property").isEmpty();
        assertThat(written).isEqualTo(sent);
        assertThat(mapper.treeToValue(written, type)).isEqualTo(record).hasSameHashCodeAs(record);
    }
}
