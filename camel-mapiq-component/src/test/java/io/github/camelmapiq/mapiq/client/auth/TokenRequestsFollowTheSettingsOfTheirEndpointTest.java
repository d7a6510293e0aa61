package io.github.camelmapiq.mapiq.client.auth;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Endpoints with the same credentials but different retry options share one token, yet each fetches it with its own
 * options: the endpoint that retries gets through a token endpoint hiccup even when one that does not retry was set up
 * first.
 */
class TokenRequestsFollowTheSettingsOfTheirEndpointTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(3).rateLimitPerSecond(0).build();

    @AfterEach
    void clearFaults() {
        extension.control().clearFaults();
    }

    @Test
    void eachEndpointsRetryOptionsApplyToItsTokenRequests() throws Exception {
        MapiqSimulator sim = extension.simulator();
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient noRetries = clients.client(c -> c.setMaxRetries(0));
            MapiqHttpClient retrying = clients.client(c -> {
                c.setMaxRetries(2);
                c.setRetryInitialDelay(10);
            });
            MapiqHttpClient retryingToo = clients.client(c -> {
                c.setMaxRetries(2);
                c.setRetryInitialDelay(10);
            });
            sim.control().resetCounters();
            sim.control().injectFault(Fault.status(503).times(1).onPath(MapiqSimulator.TOKEN_PATH));

            // the endpoint without retries was set up first; the retrying one still retries its token request
            retrying.checkCredentials();
            assertThat(sim.control().tokenRequests()).as("one 503, then the retry").isEqualTo(2);

            // the token itself is shared by every endpoint of these credentials
            retryingToo.checkCredentials();
            noRetries.checkCredentials();
            assertThat(sim.control().tokenRequests()).isEqualTo(2);
        }
    }
}
