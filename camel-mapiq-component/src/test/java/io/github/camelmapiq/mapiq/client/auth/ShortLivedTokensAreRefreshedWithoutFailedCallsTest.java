package io.github.camelmapiq.mapiq.client.auth;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With one-second tokens, a steady stream of calls over several seconds crosses many token lifetimes and no call fails:
 * tokens are refreshed ahead of expiry (at half-life for such short tokens).
 */
class ShortLivedTokensAreRefreshedWithoutFailedCallsTest {

    private static final int CALLS = 35;

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0)
            .tokenLifetime(Duration.ofSeconds(1)).build();

    @Test
    void thirtyFiveCallsOverThreeAndAHalfSecondsAllSucceed() {
        MapiqSimulator sim = extension.simulator();
        sim.control().resetCounters();
        AtomicInteger succeeded = new AtomicInteger();
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client();

            // one call every 100 ms; any failed call throws out of the condition and fails the test
            await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        int status = client.call("GET", "/v2/users", null, null, CallKind.READ).status();
                        return status == 200 && succeeded.incrementAndGet() == CALLS;
                    });

            assertThat(succeeded).hasValue(CALLS);
            assertThat(clients.clients().statistics().failures()).isZero();
            assertThat(sim.control().tokenRequests()).as("a token lasts 1 s; calls spanned more than 3 s")
                    .isGreaterThanOrEqualTo(4);
        }
    }
}
