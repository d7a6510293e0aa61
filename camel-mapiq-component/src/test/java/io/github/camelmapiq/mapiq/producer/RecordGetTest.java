package io.github.camelmapiq.mapiq.producer;

import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.model.Building;
import io.github.camelmapiq.mapiq.client.model.User;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code operation=get} finds one user, building or parking lot by id, with a cache that saves calls. */
class RecordGetTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(12).build();

    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @BeforeEach
    void resetCounters() {
        sim.control().resetCounters();
    }

    private static String userId(int i) {
        return (String) sim.control().list("users").get(i).get("id");
    }

    @Test
    void twoGetsWithinTheCacheTtlCostOneCall() {
        String uri = "mapiq:users?operation=get&getCacheTtl=10m";
        Exchange first = camel.send(uri, null, Map.of(MapiqConstants.RECORD_ID, userId(0)));
        Exchange second = camel.send(uri, userId(1));

        assertThat(first.getMessage().getBody(User.class).getId()).isEqualTo(userId(0));
        assertThat(second.getMessage().getBody(User.class).getEmail())
                .isEqualTo(sim.control().list("users").get(1).get("email"));
        assertThat(second.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(userId(1));
        assertThat(sim.control().calls("GET", "/v2/users")).isEqualTo(1);
    }

    @Test
    void withoutCacheEveryGetListsAfresh() {
        camel.send("mapiq:users?operation=get", userId(2));
        camel.send("mapiq:users?operation=get", userId(2));

        assertThat(sim.control().calls("GET", "/v2/users")).isEqualTo(2);
    }

    @Test
    void aRecordCreatedAfterTheCachedListingIsStillFound() {
        String uri = "mapiq:buildings?operation=get&getCacheTtl=10m";
        String existing = (String) sim.control().list("buildings").get(0).get("id");
        camel.send(uri, existing);
        Map<String, Object> added = sim.control().add("buildings",
                Map.of("name", "Annex", "timeZone", "Europe/Amsterdam"));

        Exchange exchange = camel.send(uri, added.get("id"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Building.class).getName()).isEqualTo("Annex");
        assertThat(sim.control().calls("GET", "/v2/spaces/buildings")).isEqualTo(2);
    }

    @Test
    void anUnknownIdFailsWith404NamingIt() {
        Exchange exchange = camel.send("mapiq:parking-lots?operation=get", "no-such-lot");

        assertThat(exchange.getException()).isInstanceOf(MapiqApiException.class)
                .hasMessageStartingWith("No parking-lots record has id 'no-such-lot' (listed GET /v2/spaces/parking-lots");
        assertThat(((MapiqApiException) exchange.getException()).getStatus()).isEqualTo(404);
    }
}
