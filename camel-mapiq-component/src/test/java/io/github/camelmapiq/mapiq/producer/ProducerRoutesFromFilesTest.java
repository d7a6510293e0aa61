package io.github.camelmapiq.mapiq.producer;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Producer routes written as a user would, in YAML and XML files, loaded by Camel's route loaders. */
class ProducerRoutesFromFilesTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(8)
            .checkinThrottle(Duration.ofSeconds(60)).build();

    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator())
                .loadRoutes("routes/producer/badge-checkins.camel.yaml", "routes/producer/desk-report.camel.yaml",
                        "routes/producer/reservation-cleanup.xml");
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void yamlRoutePostsBadgeEventsAndCoalescesRepeats() {
        String user = (String) sim.control().list("users").get(0).get("id");
        String building = (String) sim.control().list("buildings").get(0).get("id");
        Map<String, Object> badge = Map.of("userId", user, "buildingId", building);

        Exchange first = camel.send("direct:badge", badge);
        Exchange repeat = camel.send("direct:badge", badge);

        assertThat(first.getMessage().getBody(Map.class)).containsEntry("source", "AccessGate").containsKey("id");
        assertThat(repeat.getMessage().getHeader(MapiqConstants.COALESCED)).isEqualTo(true);
        assertThat(sim.control().postedCheckins()).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("userId", user).containsEntry("eventType", "AtTheOffice"));
    }

    @Test
    void yamlEnrichListsTheWindowFromHeaders() throws Exception {
        Map<String, Object> reservation = sim.control().list("workspace-reservations").get(0);
        String day = ((String) reservation.get("startTime")).substring(0, 10);

        Exchange exchange = camel.send("direct:desk-report", null, Map.of(MapiqConstants.START_DATE, day,
                MapiqConstants.BUILDING_ID, reservation.get("buildingId")));

        assertThat(exchange.getException()).isNull();
        JsonNode array = MapiqJson.mapper().readTree(exchange.getMessage().getBody(String.class));
        assertThat(array.findValuesAsText("id")).contains((String) reservation.get("id"));
        assertThat(array.findValuesAsText("buildingId")).containsOnly((String) reservation.get("buildingId"));
        assertThat(exchange.getMessage().getHeader(MapiqConstants.RECORD_COUNT)).isEqualTo(array.size());
    }

    @Test
    void xmlRoutesDeleteIdempotentlyAndLookUsersUp() {
        String reservation = (String) sim.control().list("workspace-reservations").get(0).get("id");
        String user = (String) sim.control().list("users").get(1).get("id");

        camel.send("direct:cancel", reservation);
        Exchange again = camel.send("direct:cancel", reservation);
        Exchange lookup = camel.send("direct:user", null, Map.of(MapiqConstants.RECORD_ID, user));

        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(MapiqConstants.ALREADY_DELETED)).isEqualTo(true);
        assertThat(sim.control().deletedReservationIds()).containsExactly(reservation);
        assertThat(lookup.getMessage().getBody(String.class)).contains("\"id\":\"" + user + "\"");
    }
}
