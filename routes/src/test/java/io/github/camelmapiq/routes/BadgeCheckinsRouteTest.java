package io.github.camelmapiq.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/badge-checkins.yaml posts one check-in per badge swipe and coalesces a repeated swipe. */
@ExtendWith(MapiqSimulatorExtension.class)
class BadgeCheckinsRouteTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @TempDir
    Path badges;


    @Test
    void eachSwipeBecomesOneCheckinAndARepeatedSwipeIsCoalesced() throws Exception {
        List<Map<String, Object>> users = simulator.control().list("users");
        Object building = SimulatorData.firstBuilding(simulator).get("id");
        String now = Instant.now().toString();
        String swipes = String.join("\n",
                swipe(users.get(0).get("id"), building, now),
                swipe(users.get(1).get("id"), building, now),
                "",
                swipe(users.get(0).get("id"), building, now)) + "\n";

        try (RouteFiles routes = RouteFiles.start(simulator, Map.of("badges.dir", badges.toString()),
                "routes/badge-checkins.yaml")) {
            Files.writeString(badges.resolve("gate-1.jsonl"), swipes);
            // generous: the first call of a JVM builds the TLS defaults, which is slow on a loaded machine
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(badges.resolve(".camel/gate-1.jsonl")));

            List<Map<String, Object>> posted = simulator.control().postedCheckins();
            assertThat(posted).hasSize(2);
            assertThat(posted).extracting(c -> c.get("userId"))
                    .containsExactlyInAnyOrder(users.get(0).get("id"), users.get(1).get("id"));
            assertThat(posted).allSatisfy(c -> assertThat(c).containsEntry("source", "AccessGate"));
        }
    }

    private static String swipe(Object userId, Object buildingId, String timestamp) {
        return "{\"userId\":\"" + userId + "\",\"buildingId\":\"" + buildingId
               + "\",\"eventType\":\"AtTheOffice\",\"timestamp\":\"" + timestamp + "\"}";
    }
}
