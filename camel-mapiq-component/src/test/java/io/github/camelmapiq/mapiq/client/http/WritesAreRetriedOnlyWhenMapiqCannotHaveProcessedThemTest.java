package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqConnectionException;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A write (posting a check-in) is repeated only when Mapiq cannot have processed it: 429, 503 with Retry-After, or a
 * connection that was never made. A 500 or a connection dropped mid-call is not repeated, so nothing is posted twice.
 */
class WritesAreRetriedOnlyWhenMapiqCannotHaveProcessedThemTest {

    private static final String CHECKINS = "/v2/user-locations/checkin-events";

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5)
            .checkinThrottle(Duration.ZERO).rateLimitPerSecond(0).build();

    private MapiqSimulator sim;
    private SimulatorClients fixture;
    private Map<String, Object> checkin;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().clearFaults();
        sim.control().resetCounters();
        fixture = new SimulatorClients(sim);
        checkin = Map.of("userId", sim.control().list("users").get(0).get("id"),
                "buildingId", sim.control().list("buildings").get(0).get("id"),
                "eventType", "AtTheOffice", "source", "Wifi");
    }

    @AfterEach
    void tearDown() {
        sim.control().clearFaults();
        fixture.close();
    }

    private MapiqResponse post(MapiqHttpClient client) throws Exception {
        return client.call("POST", CHECKINS, null, checkin, CallKind.WRITE);
    }

    @Test
    void tooManyRequestsIsRetriedAndPostedOnce() throws Exception {
        sim.control().injectFault(Fault.status(429).retryAfterSeconds(0).times(1).onPath(CHECKINS));

        assertThat(post(fixture.client()).status()).isEqualTo(201);
        assertThat(sim.control().postedCheckins()).hasSize(1);
    }

    @Test
    void serviceUnavailableWithRetryAfterIsRetried() throws Exception {
        sim.control().injectFault(Fault.status(503).retryAfterSeconds(0).times(1).onPath(CHECKINS));

        assertThat(post(fixture.client()).status()).isEqualTo(201);
        assertThat(sim.control().calls("POST", CHECKINS)).isEqualTo(2);
    }

    @Test
    void serviceUnavailableWithoutRetryAfterIsNotRetried() {
        sim.control().injectFault(Fault.status(503).times(1).onPath(CHECKINS));

        assertThatThrownBy(() -> post(fixture.client())).isInstanceOf(MapiqApiException.class)
                .hasMessageStartingWith("Mapiq API POST " + CHECKINS + " answered 503");
        assertThat(sim.control().calls("POST", CHECKINS)).isEqualTo(1);
    }

    @Test
    void serverErrorIsNotRetried() {
        sim.control().injectFault(Fault.status(500).times(1).onPath(CHECKINS));

        assertThatThrownBy(() -> post(fixture.client())).isInstanceOf(MapiqApiException.class);
        assertThat(sim.control().calls("POST", CHECKINS)).isEqualTo(1);
        assertThat(sim.control().postedCheckins()).isEmpty();
    }

    @Test
    void connectionDroppedAfterSendingIsNotRetried() {
        sim.control().injectFault(Fault.connectionReset().times(1).onPath(CHECKINS));

        assertThatThrownBy(() -> post(fixture.client())).isInstanceOf(MapiqConnectionException.class)
                .hasMessageContaining("Mapiq API POST " + CHECKINS + " failed after 1 attempt")
                .hasCauseInstanceOf(IOException.class);
        assertThat(sim.control().calls("POST", CHECKINS)).isEqualTo(1);
    }

    @Test
    void connectionRefusedIsRetriedUpToMaxRetries() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        MapiqHttpClient client = fixture.client(c -> {
            c.setBaseUrl("http://127.0.0.1:" + deadPort);
            c.setMaxRetries(2);
        });

        assertThatThrownBy(() -> post(client)).isInstanceOf(MapiqConnectionException.class)
                .hasMessageContaining("Mapiq API POST " + CHECKINS + " failed after 3 attempts")
                .hasCauseInstanceOf(IOException.class);
        assertThat(fixture.clients().statistics().retries()).isEqualTo(2);
    }
}
