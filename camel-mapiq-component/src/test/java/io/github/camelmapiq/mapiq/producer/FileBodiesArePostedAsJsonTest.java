package io.github.camelmapiq.mapiq.producer;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code from("file:badges").to("mapiq:checkin-events?operation=create")}: a file's JSON content is the event. */
class FileBodiesArePostedAsJsonTest {

    static MapiqSimulator sim;

    @TempDir
    Path badges;

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aBadgeFileBecomesOneCheckinEvent() throws Exception {
        Object userId = sim.control().list("users").get(3).get("id");
        Object buildingId = sim.control().list("buildings").get(0).get("id");
        try (SimulatedCamel camel = SimulatedCamel.start(sim, new RouteBuilder() {
            @Override
            public void configure() {
                from("file:" + badges + "?initialDelay=0&delay=50").to("mapiq:checkin-events?operation=create");
            }
        })) {
            Files.writeString(badges.resolve("swipe.json"), "{\"userId\":\"" + userId + "\",\"buildingId\":\"" + buildingId
                                                            + "\",\"eventType\":\"AtTheOffice\",\"source\":\"AccessGate\","
                                                            + "\"timestamp\":\"" + Instant.now() + "\"}");
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(badges.resolve(".camel/swipe.json")));

            List<Map<String, Object>> posted = sim.control().postedCheckins();
            assertThat(posted).hasSize(1);
            assertThat(posted.get(0)).containsEntry("userId", userId).containsEntry("buildingId", buildingId)
                    .containsEntry("source", "AccessGate");
        }
    }
}
