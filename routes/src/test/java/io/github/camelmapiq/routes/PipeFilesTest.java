package io.github.camelmapiq.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Pipes of routes/pipes/, loaded by Camel Main's YAML DSL ({@code kind: Pipe}) with the Kamelets of kamelets/, the
 * mapiq component unconfigured and the Kamelets' credentials given as {@code camel.kamelet.<name>.*} properties, as
 * the files' comments and kamelets/README.md tell users to.
 */
@ExtendWith(MapiqSimulatorExtension.class)
class PipeFilesTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @Test
    void workdayChangesPipeLogsEveryWorkdayOfTheWeekThenOnlyWhatChanges() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> week = SimulatorApi.v2List(simulator, "/v2/workdays", "startDate=" + today + "&endDate=" + today.plusDays(6))
                .stream().map(w -> w.path("id").asText()).collect(Collectors.toSet());
        Map<String, String> properties = kameletProperties("mapiq-source");
        properties.put("camel.kamelet.mapiq-source.timeZone", "UTC");
        properties.put("camel.kamelet.mapiq-source.delay", "200");

        try (RouteFiles routes = RouteFiles.startAsCamelK(properties, "log:*", "routes/pipes/mapiq-workday-changes.pipe.yaml")) {
            MockEndpoint log = logOf(routes);
            await().atMost(Duration.ofMinutes(1)).until(() -> log.getReceivedCounter() >= week.size());
            assertThat(receivedIds(log)).isEqualTo(week);
            assertThat(log.getExchanges()).allMatch(e -> "CREATED".equals(e.getMessage().getHeader("CamelMapiqChangeType", String.class)));

            Map<String, Object> planned = SimulatorData.officeWorkday(simulator, today.plusDays(6));
            await().atMost(Duration.ofMinutes(1)).until(() -> log.getReceivedCounter() == week.size() + 1);
            assertThat(log.getExchanges().get(week.size()).getMessage().getHeader("CamelMapiqRecordId")).isEqualTo(planned.get("id"));

            simulator.control().update("workdays", String.valueOf(planned.get("id")), Map.of("status", "Remote"));
            await().atMost(Duration.ofMinutes(1)).until(() -> log.getReceivedCounter() == week.size() + 2);
            assertThat(log.getExchanges().get(week.size() + 1).getMessage().getHeader("CamelMapiqChangeType", String.class))
                    .isEqualTo("UPDATED");
        }
    }

    @Test
    void badgeFilesPipePostsOneCheckinPerFileFilledFromThePipeProperties(@TempDir Path inbox) throws Exception {
        simulator.control().setCheckinThrottle(Duration.ZERO);
        Map<String, Object> user = simulator.control().add("users", Map.of("email", "badge-pipe@example.com",
                "firstName", "Badge", "lastName", "Pipe"));
        String building = String.valueOf(SimulatorData.firstBuilding(simulator).get("id"));
        Map<String, String> properties = kameletProperties("mapiq-checkin-sink");
        properties.put("badges.inbox", inbox.toString());

        try (RouteFiles routes = RouteFiles.startAsCamelK(properties, null, "routes/pipes/badge-files-to-mapiq-checkins.pipe.yaml")) {
            Files.writeString(inbox.resolve("swipe-1.json"), "{\"userId\":\"" + user.get("id") + "\",\"buildingId\":\"" + building + "\"}");
            await().atMost(Duration.ofMinutes(1)).until(() -> simulator.control().postedCheckins().stream().anyMatch(c -> user.get("id").equals(c.get("userId"))));
        }
        assertThat(simulator.control().postedCheckins()).filteredOn(c -> user.get("id").equals(c.get("userId")))
                .singleElement().satisfies(checkin -> assertThat(checkin).containsEntry("buildingId", building)
                        .containsEntry("eventType", "AtTheOffice").containsEntry("source", "AccessGate"));
    }

    /** The simulator's URLs and the demo credentials as properties of one Kamelet, as a Camel K Secret would give them. */
    private static Map<String, String> kameletProperties(String kamelet) {
        Map<String, String> properties = new HashMap<>();
        properties.put("camel.kamelet." + kamelet + ".clientId", MapiqSimulator.DEMO_CLIENT_ID);
        properties.put("camel.kamelet." + kamelet + ".clientSecret", MapiqSimulator.DEMO_CLIENT_SECRET);
        properties.put("camel.kamelet." + kamelet + ".baseUrl", simulator.baseUrl());
        properties.put("camel.kamelet." + kamelet + ".tokenUrl", simulator.tokenUrl());
        return properties;
    }

    private static MockEndpoint logOf(RouteFiles routes) {
        return routes.context().getEndpoints().stream().filter(MockEndpoint.class::isInstance).map(MockEndpoint.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("the Pipe has no log: sink"));
    }

    private static Set<String> receivedIds(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getHeader("CamelMapiqRecordId", String.class))
                .collect(Collectors.toSet());
    }
}
