package io.github.camelmapiq.mapiq.producer;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ids for {@code delete} and {@code get} arrive the way transports deliver them: a file holding the id (with its
 * trailing newline), bytes from a queue, a stream. They are read as the id itself, not refused as invalid JSON.
 */
class RecordIdsAreReadFromTextFilesAndBytesTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(6).build();

    @TempDir
    static Path cancellations;

    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
        camel.context.getPropertiesComponent().addInitialProperty("cancellations.dir", cancellations.toString());
        camel.loadRoutes("routes/users/producer/cancellations.xml");
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void aFileHoldingAReservationIdDeletesThatReservation() throws Exception {
        String reservation = (String) sim.control().list("workspace-reservations").get(0).get("id");

        Files.writeString(cancellations.resolve("cancel-1.txt"), reservation + "\n");

        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(sim.control().deletedReservationIds()).containsExactly(reservation));
    }

    @Test
    void anIdAsBytesOrStreamGetsTheUser() {
        String user = (String) sim.control().list("users").get(2).get("id");

        Exchange fromBytes = camel.send("direct:user-bytes", user);
        Exchange fromStream = camel.send("mapiq:users?operation=get",
                new ByteArrayInputStream(user.getBytes(StandardCharsets.UTF_8)));

        assertThat(fromBytes.getException()).isNull();
        assertThat(fromBytes.getMessage().getBody(Map.class)).containsEntry("id", user);
        assertThat(fromStream.getException()).isNull();
        assertThat(fromStream.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(user);
    }

    @Test
    void aBodyOfSeveralIdsFailsSayingToSplitIt() {
        Exchange exchange = camel.send("mapiq:workspace-reservations", "id-1\nid-2\n".getBytes(StandardCharsets.UTF_8));

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operation=delete holds several lines").hasMessageContaining("split");
        assertThat(sim.control().calls("DELETE", "/v2/reservations/workspaces/id-1")).isZero();
    }
}
