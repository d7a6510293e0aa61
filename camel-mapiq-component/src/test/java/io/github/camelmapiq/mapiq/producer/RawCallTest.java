package io.github.camelmapiq.mapiq.producer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mapiq:raw} reaches any path with the component's token handling, for calls not modelled yet. */
class RawCallTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(5)
            .checkinThrottle(java.time.Duration.ZERO).build();

    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void aGetAnswersTheJsonTextAndStatus() throws Exception {
        Exchange exchange = camel.send("mapiq:raw?path=/v2/spaces/buildings?pageSize=1", null);

        assertThat(exchange.getException()).isNull();
        JsonNode answer = MapiqJson.mapper().readTree(exchange.getMessage().getBody(String.class));
        assertThat(answer.get("items")).hasSize(1);
        assertThat(answer.get("items").get(0).get("id").asText())
                .isEqualTo(sim.control().list("buildings").get(0).get("id"));
        assertThat(exchange.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(200);
    }

    @Test
    void aPostSendsTheBodyAsJsonWithMethodAndPathFromHeaders() {
        String user = (String) sim.control().list("users").get(0).get("id");
        String building = (String) sim.control().list("buildings").get(0).get("id");

        Exchange exchange = camel.send("mapiq:raw?outputFormat=map",
                Map.of("userId", user, "buildingId", building, "eventType", "AtTheOffice", "source", "Wifi"),
                Map.of(MapiqConstants.METHOD, "post", MapiqConstants.PATH, "/v2/user-locations/checkin-events"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(201);
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("userId", user).containsKey("id");
        assertThat(sim.control().postedCheckins()).extracting(e -> e.get("userId")).contains(user);
    }

    @Test
    void errorsAreMapiqApiExceptions() {
        Exchange exchange = camel.send("mapiq:raw?path=/v2/nothing-here", null);

        assertThat(exchange.getException()).isInstanceOf(MapiqApiException.class);
        assertThat(((MapiqApiException) exchange.getException()).getStatus()).isEqualTo(404);
    }

    @Test
    void aFullUrlIsRefusedSoTheTokenNeverLeavesTheApiHost() {
        Exchange exchange = camel.send("mapiq:raw", null, Map.of(MapiqConstants.PATH, "https://elsewhere.example/steal"));

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be relative to baseUrl");
        assertThat(sim.control().callCounts().keySet()).noneMatch(k -> k.contains("steal"));
    }

    @Test
    void anUnknownMethodIsRefusedListingTheAllowedOnes() {
        Exchange exchange = camel.send("mapiq:raw?path=/v2/users", null, Map.of(MapiqConstants.METHOD, "FETCH"));

        assertThat(exchange.getException()).hasMessage(
                "Invalid HTTP method 'FETCH' in header CamelMapiqMethod of mapiq:raw; allowed values: "
                                                       + String.join(", ", List.of("GET", "POST", "PUT", "PATCH", "DELETE")));
    }
}
