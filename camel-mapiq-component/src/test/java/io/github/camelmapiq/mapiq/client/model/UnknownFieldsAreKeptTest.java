package io.github.camelmapiq.mapiq.client.model;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields Mapiq adds that the model does not know are reachable and survive re-serialisation, also when nested. */
class UnknownFieldsAreKeptTest {

    private final ObjectMapper mapper = MapiqJson.mapper();

    @Test
    void unknownTopLevelFieldIsReachableAndWrittenBack() throws Exception {
        ObjectNode sent = Representations.sample("users");
        sent.put("costCenter", "CC-42");
        sent.putObject("preferences").put("desk", "window").putArray("days").add("Mon").add("Tue");

        User user = mapper.treeToValue(sent, User.class);

        assertThat(user.getEmail()).isEqualTo("ann@example.com");
        assertThat(user.getUnknownField("costCenter")).isEqualTo("CC-42");
        assertThat(user.getUnknownFields()).containsKeys("costCenter", "preferences");
        assertThat(user.getUnknownField("preferences")).isEqualTo(Map.of("desk", "window", "days", List.of("Mon", "Tue")));
        assertThat(user.toString()).contains("costCenter=CC-42");
        JsonNode written = mapper.valueToTree(user);
        assertThat(written).isEqualTo(sent);
    }

    @Test
    void unknownFieldOfNestedObjectIsKept() throws Exception {
        ObjectNode sent = Representations.sample("buildings");
        ((ObjectNode) sent.get("floors").get(1)).put("wing", "North");

        Building building = mapper.treeToValue(sent, Building.class);

        assertThat(building.getFloors().get(1).getUnknownField("wing")).isEqualTo("North");
        assertThat((JsonNode) mapper.valueToTree(building)).isEqualTo(sent);
    }

    @Test
    void recordsDifferingOnlyInAnUnknownFieldAreNotEqual() throws Exception {
        ObjectNode a = Representations.sample("checkin-events");
        ObjectNode b = a.deepCopy().put("deviceId", "gate-7");

        assertThat(mapper.treeToValue(a, CheckinEvent.class)).isNotEqualTo(mapper.treeToValue(b, CheckinEvent.class));
    }
}
