package io.github.camelmapiq.routes;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/access-control-office-days.yaml sends each of today's Office workdays, as JSON, to access control. */
@ExtendWith(MapiqSimulatorExtension.class)
class AccessControlOfficeDaysRouteTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @Test
    void everyOfficeWorkdayOfTodayReachesAccessControl() throws Exception {
        Map<String, Object> added = SimulatorData.officeWorkday(simulator, RouteFiles.today());
        long expected = simulator.control().list("workdays").stream()
                .filter(w -> RouteFiles.today().toString().equals(w.get("date")) && "Office".equals(w.get("status")))
                .count();

        try (RouteFiles routes = RouteFiles.start(simulator,
                Map.of("accessControl.uri", "mock:access", "accessControl.cron", "0/1 * * * * ?"),
                "routes/access-control-office-days.yaml")) {
            MockEndpoint access = routes.context().getEndpoint("mock:access", MockEndpoint.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> access.getReceivedCounter() >= expected);

            List<Exchange> first = List.copyOf(access.getExchanges()).subList(0, (int) expected); // the route goes on adding
            ObjectMapper json = new ObjectMapper();
            List<Map<String, Object>> bodies = first.stream()
                    .map(e -> read(json, e.getMessage().getBody(String.class)))
                    .toList();
            assertThat(bodies).allSatisfy(w -> assertThat(w).containsEntry("status", "Office"));
            assertThat(bodies).extracting(w -> w.get("id")).doesNotHaveDuplicates().contains(added.get("id"));
            assertThat(first.get(0).getMessage().getHeader("Content-Type")).isEqualTo("application/json");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(ObjectMapper json, String body) {
        try {
            return json.readValue(body, Map.class);
        } catch (Exception e) {
            throw new AssertionError("not a JSON object: " + body, e);
        }
    }
}
