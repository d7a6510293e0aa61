package io.github.camelmapiq.mapiq.producer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.OccupancyReading;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code mapiq:occupancy} validates a batch, sends it in chunks, and never loses a reading silently. */
class OccupancyIngestionTest {

    private static final String PATH = "/v2/occupancy";

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

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

    private static List<OccupancyReading> readings(int n) {
        List<OccupancyReading> readings = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            OccupancyReading r = new OccupancyReading();
            r.setSpaceId("space-" + i);
            r.setTimestamp(Instant.parse("2026-03-02T08:00:00Z").plusSeconds(i));
            r.setOccupancy(i % 7);
            readings.add(r);
        }
        return readings;
    }

    @Test
    void aLargeBatchIsSentInChunksWithEveryReadingExactlyOnce() {
        Exchange exchange = camel.send("mapiq:occupancy?ingestChunkSize=100", readings(250));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MapiqConstants.RECORD_COUNT)).isEqualTo(250);
        assertThat(exchange.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(202);
        assertThat(sim.control().calls("POST", PATH)).isEqualTo(3);
        List<Map<String, Object>> ingested = sim.control().ingestedReadings();
        assertThat(ingested).hasSize(250);
        assertThat(ingested).extracting(r -> r.get("spaceId")).doesNotHaveDuplicates()
                .containsExactlyElementsOf(readings(250).stream().map(OccupancyReading::getSpaceId).toList());
    }

    @Test
    void aSingleReadingOrAJsonArrayIsAccepted() {
        Exchange single = camel.send("mapiq:occupancy",
                Map.of("spaceId", "desk-1", "timestamp", "2026-03-02T08:00:00+01:00", "occupancy", 1));
        Exchange array = camel.send("mapiq:occupancy",
                "[{\"spaceId\":\"room-1\",\"timestamp\":\"2026-03-02T08:00:00Z\",\"occupancy\":4}]");

        assertThat(single.getException()).isNull();
        assertThat(array.getException()).isNull();
        assertThat(sim.control().ingestedReadings()).extracting(r -> r.get("spaceId")).containsExactly("desk-1", "room-1");
    }

    @Test
    void invalidReadingsAreListedByIndexAndFieldAndNothingIsSent() {
        String body = "[{\"spaceId\":\"a\",\"timestamp\":\"2026-03-02T08:00:00Z\",\"occupancy\":1},"
                      + "{\"timestamp\":\"2026-03-02T08:00:00Z\",\"occupancy\":1},"
                      + "{\"spaceId\":\"c\",\"timestamp\":\"yesterday\",\"occupancy\":-2}]";

        Exchange exchange = camel.send("mapiq:occupancy", body);

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class).hasMessage(
                "3 invalid occupancy reading field(s), nothing was sent: reading [1] field 'spaceId' is missing or "
                                                                                        + "blank; reading [2] field 'timestamp' is not an ISO-8601 instant: 'yesterday'; "
                                                                                        + "reading [2] field 'occupancy' must be a whole number >= 0, was -2");
        assertThat(sim.control().calls("POST", PATH)).isZero();
    }

    @Test
    void aFailedChunkReportsWhichReadingsWereAcceptedAndWhichToResend() {
        sim.control().registerClient("ingest-client", "ingest-secret", Set.of("occupancy.write"));
        sim.control().setRateLimitPerSecond(1); // the second call within a second answers 429
        try (SimulatedCamel limited = SimulatedCamel.start(sim.simulator(), "ingest-client", "ingest-secret")) {
            Exchange exchange = limited.send("mapiq:occupancy?ingestChunkSize=100&maxRetries=0", readings(250));

            assertThat(exchange.getException()).isInstanceOf(OccupancyIngestException.class)
                    .hasMessageStartingWith("Occupancy chunk 2 of 3 (readings 100..199) failed: ")
                    .hasMessageEndingWith("Chunks 1..1 (readings 0..99) were accepted; readings 100..249 were not "
                                          + "confirmed as ingested: resend them.");
            OccupancyIngestException failure = (OccupancyIngestException) exchange.getException();
            assertThat(failure.getAcceptedReadings()).isEqualTo(100);
            assertThat(sim.control().ingestedReadings()).hasSize(100);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            sim.control().setRateLimitPerSecond(0);
        }
    }
}
