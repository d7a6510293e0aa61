package io.github.camelmapiq.mapiq;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelmapiq.mapiq.producer.SimulatedCamel;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A route file with a single {@code onException(MapiqException)} handles every kind of failure the component
 * reports: an API error, a refused token, an unusable answer, Mapiq out of reach, a call abandoned by a stop and a
 * partly ingested batch. Each reaches the handler as its own type, with its message; and each is a Camel
 * {@code CamelException}, as the project decided for the root.
 */
class OneOnExceptionHandlesEveryMapiqFailureTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

    private SimulatedCamel camel;

    @BeforeEach
    void start() throws Exception {
        sim.control().clearFaults();
        camel = SimulatedCamel.start(sim.simulator()).loadRoutes("routes/users/errors/one-handler.camel.yaml");
    }

    @AfterEach
    void stop() {
        sim.control().clearFaults();
        camel.close();
    }

    @Test
    void anApiErrorIsHandled() {
        Exchange exchange = camel.send("direct:cancel", "no-such-reservation");

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .startsWith("MapiqApiException: Workspace reservation 'no-such-reservation' does not exist (404");
    }

    @Test
    void aRefusedTokenIsHandled() {
        Exchange exchange = camel.send("direct:unknown-client", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).startsWith("MapiqAuthenticationException: ")
                .contains("invalid_client");
    }

    @Test
    void mapiqOutOfReachIsHandledOnceTheRetriesAreUsedUp() {
        Exchange exchange = camel.send("direct:out-of-reach", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .startsWith("MapiqConnectionException: Mapiq API GET /v2/users failed after 2 attempts: ");
    }

    @Test
    void aMapiqFailureIsACamelException() {
        Exchange exchange = camel.send("direct:camel-exception", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .isEqualTo("caught as CamelException: MapiqAuthenticationException");
    }

    @Test
    void anUnusableAnswerIsHandled() {
        sim.control().injectFault(Fault.malformedJson().onPath("/v2/users"));

        Exchange exchange = camel.send("direct:users", null);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .startsWith("MapiqResponseException: Mapiq API GET /v2/users answered malformed JSON");
    }

    @Test
    void aPartlyIngestedBatchIsHandled() {
        sim.control().injectFault(Fault.status(400).onPath("/v2/occupancy").onMethod("POST"));
        List<Map<String, Object>> readings = List.of(
                Map.of("spaceId", "desk-1", "timestamp", "2026-03-02T08:00:00Z", "occupancy", 1),
                Map.of("spaceId", "desk-2", "timestamp", "2026-03-02T08:00:00Z", "occupancy", 0),
                Map.of("spaceId", "desk-3", "timestamp", "2026-03-02T08:00:00Z", "occupancy", 1));

        Exchange exchange = camel.send("direct:occupancy", readings);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .startsWith("OccupancyIngestException: Occupancy chunk 1 of 2 (readings 0..1) failed: ")
                .contains("No chunk was accepted");
    }

    @Test
    void aCallAbandonedByAStopIsHandled() throws Exception {
        sim.control().resetCounters();
        sim.control().injectFault(Fault.status(503).retryAfterSeconds(60).onPath("/v2/users"));
        Future<Exchange> reply = camel.template.asyncSend("direct:patient-users", e -> {
        });
        await().atMost(Duration.ofMinutes(1)).until(() -> sim.control().calls("GET", "/v2/users", 503) > 0);

        camel.close();

        Exchange exchange = reply.get(1, TimeUnit.MINUTES);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class))
                .isEqualTo("MapiqCallAbortedException: Mapiq API GET /v2/users abandoned: Camel is stopping");
    }
}
