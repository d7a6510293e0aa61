package io.github.camelmapiq.mapiq.client.auth;

import java.time.Duration;
import java.util.List;

import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the token endpoint is down but the current token is still valid, calls keep working on it; the failed refresh
 * is reported once (one WARN line, no stack trace), is not tried again by every call, and its end is reported too.
 */
class TokenEndpointOutageIsReportedOnceWhileTheValidTokenServesTest {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).clock(CLOCK)
            .tokenLifetime(LIFETIME).rateLimitPerSecond(0).build();

    private MapiqSimulator sim;
    private SimulatorClients clients;
    private MapiqHttpClient client;

    @BeforeEach
    void setUp() throws Exception {
        sim = extension.simulator();
        sim.control().clearFaults();
        clients = new SimulatorClients(sim, CLOCK);
        client = clients.client(c -> c.setTokenRefreshMargin(Duration.ofMinutes(2).toMillis()));
        client.checkCredentials();
        sim.control().resetCounters();
    }

    @AfterEach
    void tearDown() {
        sim.control().clearFaults();
        clients.close();
    }

    @Test
    void callsKeepTheValidTokenAndTheOutageIsLoggedOnce() throws Exception {
        sim.control().injectFault(Fault.status(503).onPath(MapiqSimulator.TOKEN_PATH));
        CLOCK.advance(LIFETIME.minusSeconds(90)); // within the refresh margin, 90 s before expiry
        List<String> warnings;
        try (CapturedLogs logs = new CapturedLogs()) {
            for (int call = 0; call < 20; call++) {
                assertThat(callUsers()).isEqualTo(200);
                CLOCK.advance(Duration.ofMillis(500)); // 10 s of calls, every half second
            }
            warnings = tokenManagerLines(logs, "WARN");
        }

        assertThat(sim.control().calls("GET", "/v2/users", 200)).isEqualTo(20);
        assertThat(warnings).as("one warning for the outage, without a stack trace").singleElement()
                .satisfies(line -> assertThat(line).contains("Refreshing the Mapiq access token failed")
                        .contains("HTTP 503").doesNotContain("\tat "));
        assertThat(sim.control().tokenRequests())
                .as("refreshes are paced during the outage, not tried by each of the 20 calls (4 attempts each)")
                .isLessThan(20);
    }

    @Test
    void theEndOfTheOutageIsReported() throws Exception {
        sim.control().injectFault(Fault.status(503).onPath(MapiqSimulator.TOKEN_PATH));
        CLOCK.advance(LIFETIME.minusSeconds(90));
        try (CapturedLogs logs = new CapturedLogs()) {
            assertThat(callUsers()).isEqualTo(200);
            sim.control().clearFaults();
            CLOCK.advance(Duration.ofSeconds(30));
            assertThat(callUsers()).isEqualTo(200);
            CLOCK.advance(Duration.ofSeconds(80)); // past the old token's expiry: only the new token can serve
            assertThat(callUsers()).isEqualTo(200);

            assertThat(tokenManagerLines(logs, "INFO")).singleElement()
                    .satisfies(line -> assertThat(line).contains("Mapiq access token refreshed again"));
        }
        assertThat(sim.control().calls("GET", "/v2/users", 401)).isZero();
    }

    private int callUsers() throws Exception {
        return client.call("GET", "/v2/users", null, null, CallKind.READ).status();
    }

    private static List<String> tokenManagerLines(CapturedLogs logs, String level) {
        return logs.lines(level, TokenManager.class.getName());
    }
}
