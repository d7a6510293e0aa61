package io.github.camelmapiq.mapiq.producer;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.client.model.User;
import io.github.camelmapiq.mapiq.client.model.WorkspaceReservation;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code operation=list} answers a whole listing for {@code enrich}, with headers overriding dates and filters. */
class ResourceListingTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(30).rateLimitPerSecond(0).build();

    private static SimulatedCamel camel;
    /** A day with reservations in the simulator's demo data (weekends have none). */
    private static String day;

    @BeforeAll
    static void start() throws Exception {
        day = ((String) sim.control().list("workspace-reservations").get(0).get("startTime")).substring(0, 10);
        camel = SimulatedCamel.start(sim.simulator(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:desks")
                        .enrich("mapiq:workspace-reservations?operation=list&pageSize=7&timeZone=UTC&startDate=today-1d");
            }
        });
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    /** The reservations the simulator holds whose start is on {@code date} (in the building's offset), optionally one user's. */
    private static List<String> reservationIdsOn(String date, String userId) {
        return sim.control().list("workspace-reservations").stream()
                .filter(r -> ((String) r.get("startTime")).startsWith(date))
                .filter(r -> userId == null || userId.equals(r.get("userId")))
                .map(r -> (String) r.get("id")).toList();
    }

    @Test
    void enrichGetsEveryPageOfTheWindowWithHeadersOverridingTheDate() {
        Exchange exchange = camel.send("direct:desks", null, Map.of(MapiqConstants.START_DATE, day));

        assertThat(exchange.getException()).isNull();
        List<?> body = exchange.getMessage().getBody(List.class);
        assertThat(body).allMatch(WorkspaceReservation.class::isInstance);
        assertThat(body).extracting(r -> ((WorkspaceReservation) r).getId())
                .containsExactlyInAnyOrderElementsOf(reservationIdsOn(day, null)).isNotEmpty();
        assertThat(exchange.getMessage().getHeader(MapiqConstants.RECORD_COUNT)).isEqualTo(body.size());
    }

    @Test
    void aUserIdHeaderFiltersAndJsonGivesOneArray() throws Exception {
        String userId = (String) sim.control().list("workspace-reservations").stream()
                .filter(r -> ((String) r.get("startTime")).startsWith(day)).findFirst().orElseThrow().get("userId");

        Exchange exchange = camel.send("mapiq:workspace-reservations?operation=list&outputFormat=json", null,
                Map.of(MapiqConstants.START_DATE, day, MapiqConstants.USER_ID, userId));

        JsonNode array = MapiqJson.mapper().readTree(exchange.getMessage().getBody(String.class));
        assertThat(array.isArray()).isTrue();
        assertThat(array.findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(reservationIdsOn(day, userId));
    }

    @Test
    void undatedResourcesListWithoutDatesAndIgnoreFilterHeadersTheyCannotUse() {
        Exchange exchange = camel.send("mapiq:users", null, Map.of(MapiqConstants.USER_ID, "someone"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(List.class)).hasSize(30).allMatch(User.class::isInstance);
    }

    @Test
    void aDatedResourceWithoutStartDateFailsNamingOptionAndHeader() {
        Exchange exchange = camel.send("mapiq:parking-reservations", null);

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(
                "operation=list on mapiq:parking-reservations needs a start date: set option startDate or header "
                                                                                            + "CamelMapiqStartDate");
    }
}
