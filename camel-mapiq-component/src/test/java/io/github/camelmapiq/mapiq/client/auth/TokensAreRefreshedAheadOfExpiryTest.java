package io.github.camelmapiq.mapiq.client.auth;

import java.time.Duration;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With one clock driving the simulator and the component: a token is replaced before it expires (no call ever meets
 * an expired token), and if replacing it fails the still-valid token keeps serving calls until it expires.
 */
class TokensAreRefreshedAheadOfExpiryTest {

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
        client = clients.client(c -> c.setTokenRefreshMargin(Duration.ofMinutes(1).toMillis()));
        client.checkCredentials();
        sim.control().resetCounters();
    }

    @AfterEach
    void tearDown() {
        sim.control().clearFaults();
        clients.close();
    }

    private int callUsers() throws Exception {
        return client.call("GET", "/v2/users", null, null, CallKind.READ).status();
    }

    @Test
    void tokenIsReplacedAMarginBeforeItExpires() throws Exception {
        CLOCK.advance(LIFETIME.minusMinutes(2));
        assertThat(callUsers()).isEqualTo(200);
        assertThat(sim.control().tokenRequests()).as("still fresh").isZero();

        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(callUsers()).isEqualTo(200);

        assertThat(sim.control().tokenRequests()).as("replaced within the margin").isEqualTo(1);
        assertThat(sim.control().calls("GET", "/v2/users", 401)).isZero();
    }

    @Test
    void failedRefreshKeepsUsingTheValidTokenUntilItExpires() throws Exception {
        sim.control().injectFault(Fault.status(503).times(100).onPath(MapiqSimulator.TOKEN_PATH));
        MapiqHttpClient noRetries = clients.client(c -> {
            c.setTokenRefreshMargin(Duration.ofMinutes(1).toMillis());
            c.setMaxRetries(0);
        });

        CLOCK.advance(LIFETIME.minusSeconds(30));
        assertThat(noRetries.call("GET", "/v2/users", null, null, CallKind.READ).status()).isEqualTo(200);
        assertThat(sim.control().tokenRequests()).as("a refresh was tried").isGreaterThanOrEqualTo(1);

        CLOCK.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> noRetries.call("GET", "/v2/users", null, null, CallKind.READ))
                .isInstanceOf(MapiqAuthenticationException.class).hasMessageContaining("HTTP 503");
    }
}
