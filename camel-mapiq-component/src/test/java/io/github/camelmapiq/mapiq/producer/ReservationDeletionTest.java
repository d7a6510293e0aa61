package io.github.camelmapiq.mapiq.producer;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.model.WorkspaceReservation;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mapiq:workspace-reservations} deletes by id from the header or the body; unknown ids are clear errors. */
class ReservationDeletionTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(20).build();

    private static SimulatedCamel camel;
    private static List<String> ids;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
        ids = sim.control().list("workspace-reservations").stream().map(r -> (String) r.get("id")).toList();
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @BeforeEach
    void resetCounters() {
        sim.control().resetCounters();
    }

    @Test
    void theIdIsTakenFromTheHeaderOrAStringMapOrModelBody() {
        WorkspaceReservation reservation = new WorkspaceReservation();
        reservation.setId(ids.get(3));

        Exchange byHeader = camel.send("mapiq:workspace-reservations", "ignored body",
                Map.of(MapiqConstants.RECORD_ID, ids.get(0)));
        Exchange byString = camel.send("mapiq:workspace-reservations?operation=delete", ids.get(1));
        Exchange byMap = camel.send("mapiq:workspace-reservations", Map.of("id", ids.get(2)));
        Exchange byModel = camel.send("mapiq:workspace-reservations", reservation);

        for (Exchange e : List.of(byHeader, byString, byMap, byModel)) {
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getHeader(MapiqConstants.ALREADY_DELETED)).isEqualTo(false);
            assertThat(e.getMessage().getHeader(MapiqConstants.HTTP_STATUS, Integer.class)).isBetween(200, 299);
        }
        assertThat(sim.control().deletedReservationIds()).containsExactly(ids.get(0), ids.get(1), ids.get(2), ids.get(3));
        assertThat(sim.control().get("workspace-reservations", ids.get(0))).isEmpty();
    }

    @Test
    void anUnknownIdFailsWith404NamingTheId() {
        Exchange exchange = camel.send("mapiq:workspace-reservations", "no-such-reservation");

        assertThat(exchange.getException()).isInstanceOf(MapiqApiException.class)
                .hasMessageStartingWith("Workspace reservation 'no-such-reservation' does not exist (404 on DELETE "
                                        + "/v2/reservations/workspaces/no-such-reservation)")
                .hasMessageContaining("ignoreNotFound=true");
        assertThat(((MapiqApiException) exchange.getException()).getStatus()).isEqualTo(404);
    }

    @Test
    void ignoreNotFoundMakesDeletesIdempotentAndSaysSo() {
        String id = ids.get(4);
        Exchange first = camel.send("mapiq:workspace-reservations?ignoreNotFound=true", id);
        Exchange again = camel.send("mapiq:workspace-reservations?ignoreNotFound=true", id);

        assertThat(first.getMessage().getHeader(MapiqConstants.ALREADY_DELETED)).isEqualTo(false);
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(MapiqConstants.ALREADY_DELETED)).isEqualTo(true);
        assertThat(again.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(404);
        assertThat(sim.control().deletedReservationIds()).containsExactly(id);
    }

    @Test
    void noIdAtAllFailsSayingWhereTheIdComesFrom() {
        Exchange exchange = camel.send("mapiq:workspace-reservations", null);

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operation=delete needs a record id: set header CamelMapiqRecordId");
        assertThat(sim.control().callCounts()).isEmpty();
    }
}
