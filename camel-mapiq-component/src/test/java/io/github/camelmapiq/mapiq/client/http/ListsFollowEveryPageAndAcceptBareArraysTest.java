package io.github.camelmapiq.mapiq.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** A list is followed page by page to its end, and a bare-array answer gives the same records in one call. */
class ListsFollowEveryPageAndAcceptBareArraysTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(250).rateLimitPerSecond(0).build();

    private MapiqSimulator sim;
    private SimulatorClients fixture;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().setBareArrays(false);
        sim.control().resetCounters();
        fixture = new SimulatorClients(sim);
    }

    @AfterEach
    void tearDown() {
        sim.control().setBareArrays(false);
        fixture.close();
    }

    private List<String> simulatorUserIds() {
        return sim.control().list("users").stream().map(u -> (String) u.get("id")).toList();
    }

    @Test
    void everyPageIsFollowedUntilTheContinuationTokenEnds() throws Exception {
        List<String> ids = new ArrayList<>();

        long count = fixture.client().list("/v2/users", Map.of(), 100, r -> ids.add(r.get("id").asText()));

        assertThat(count).isEqualTo(250);
        assertThat(ids).containsExactlyElementsOf(simulatorUserIds());
        assertThat(sim.control().calls("GET", "/v2/users", 200)).isEqualTo(3);
    }

    @Test
    void aBareArrayAnswerGivesTheSameRecordsInOneCall() throws Exception {
        sim.control().setBareArrays(true);
        List<String> ids = new ArrayList<>();

        long count = fixture.client().list("/v2/users", Map.of(), 100, r -> ids.add(r.get("id").asText()));

        assertThat(count).isEqualTo(250);
        assertThat(ids).containsExactlyElementsOf(simulatorUserIds());
        assertThat(sim.control().calls("GET", "/v2/users")).isEqualTo(1);
    }

    @Test
    void unknownFieldsAddedOnTheServerReachTheSink() throws Exception {
        String id = (String) sim.control().list("users").get(0).get("id");
        sim.control().update("users", id, Map.of("costCenter", "CC-7"));
        List<String> costCenters = new ArrayList<>();

        fixture.client().list("/v2/users", Map.of(), 1000, r -> {
            if (r.has("costCenter")) {
                costCenters.add(r.get("costCenter").asText());
            }
        });

        assertThat(costCenters).containsExactly("CC-7");
    }
}
