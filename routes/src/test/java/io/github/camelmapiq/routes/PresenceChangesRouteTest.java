package io.github.camelmapiq.routes;

import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/presence-changes.xml sends each new check-in event once, also across a restart (file state). */
@ExtendWith(MapiqSimulatorExtension.class)
class PresenceChangesRouteTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @TempDir
    Path dir;


    @Test
    void eachNewEventArrivesOnceAcrossARestart() throws Exception {
        Map<String, String> properties = Map.of("presence.uri", "mock:presence", "presence.delay", "200",
                "presence.state", dir.resolve("presence.state").toString());
        int already;
        try (RouteFiles routes = RouteFiles.start(simulator, properties, "routes/presence-changes.xml")) {
            MockEndpoint presence = routes.context().getEndpoint("mock:presence", MockEndpoint.class);
            Map<String, Object> first = addEvent();
            await().atMost(Duration.ofMinutes(1)).until(() -> presence.getExchanges().stream()
                    .anyMatch(e -> e.getMessage().getBody(String.class).contains((String) first.get("id"))));
            already = presence.getReceivedCounter();
        }

        try (RouteFiles routes = RouteFiles.start(simulator, properties, "routes/presence-changes.xml")) {
            MockEndpoint presence = routes.context().getEndpoint("mock:presence", MockEndpoint.class);
            Map<String, Object> second = addEvent();
            await().atMost(Duration.ofMinutes(1)).until(() -> presence.getExchanges().stream()
                    .anyMatch(e -> e.getMessage().getBody(String.class).contains((String) second.get("id"))));
            Thread.sleep(600); // three more polls: nothing seen before the restart may come again
            assertThat(presence.getReceivedCounter()).as("only the event added after the restart (had %d before)", already)
                    .isEqualTo(1);
        }
    }

    private Map<String, Object> addEvent() {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("userId", SimulatorData.firstUser(simulator).get("id"));
        event.put("buildingId", SimulatorData.firstBuilding(simulator).get("id"));
        event.put("eventType", "AtTheOffice");
        event.put("source", "Wifi");
        event.put("timestamp", Instant.now().toString());
        return simulator.control().add("checkin-events", event);
    }
}
