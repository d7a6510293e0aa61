package io.github.camelmapiq.routes;

import java.time.Duration;
import java.util.Map;

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

/** routes/catering-attendance.xml sends catering one JSON array per day with all of today's office workdays. */
@ExtendWith(MapiqSimulatorExtension.class)
class CateringAttendanceRouteTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @Test
    void oneMessageHoldsEveryOfficeWorkdayOfToday() throws Exception {
        Map<String, Object> added = SimulatorData.officeWorkday(simulator, RouteFiles.today());
        int expected = SimulatorApi.v2List(simulator, "/v2/workdays", "startDate=" + RouteFiles.today() + "&status=Office")
                .size();

        try (RouteFiles routes = RouteFiles.start(simulator,
                Map.of("catering.uri", "mock:catering", "catering.cron", "0/1 * * * * ?"),
                "routes/catering-attendance.xml")) {
            MockEndpoint catering = routes.context().getEndpoint("mock:catering", MockEndpoint.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> catering.getReceivedCounter() >= 1);

            JsonNode day = new ObjectMapper().readTree(catering.getExchanges().get(0).getMessage().getBody(String.class));
            assertThat(day.size()).isEqualTo(expected);
            assertThat(day.findValuesAsText("status")).containsOnly("Office");
            assertThat(day.findValuesAsText("id")).contains((String) added.get("id"));
        }
    }
}
