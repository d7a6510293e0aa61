package io.github.camelmapiq.routes;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * routes/v1-compat-registrations.yaml feeds a v1 consumer from the v2 API: what it sends is what the retired v1
 * endpoint {@code GET /shifts/registrations} answered for the same day, field for field.
 */
@ExtendWith(MapiqSimulatorExtension.class)
class V1CompatRegistrationsRouteTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @Test
    void sendsWhatTheV1EndpointAnsweredForTheSameDay() throws Exception {
        SimulatorData.deskReservation(simulator, RouteFiles.today());
        JsonNode v1 = SimulatorApi.v1List(simulator, "/shifts/registrations", "startDate=" + RouteFiles.today());

        try (RouteFiles routes = RouteFiles.start(simulator,
                Map.of("v1Consumer.uri", "mock:v1", "v1Consumer.delay", "60000"),
                "routes/v1-compat-registrations.yaml")) {
            MockEndpoint consumer = routes.context().getEndpoint("mock:v1", MockEndpoint.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> consumer.getReceivedCounter() >= 1);

            JsonNode sent = new ObjectMapper().readTree(consumer.getExchanges().get(0).getMessage().getBody(String.class));
            assertThat(sent.isArray()).isTrue();
            assertThat(sent.size()).isPositive();
            assertThat(byId(sent)).isEqualTo(byId(v1));
        }
    }

    private static List<JsonNode> byId(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .sorted(Comparator.comparing(n -> n.path("id").asText()))
                .toList();
    }
}
