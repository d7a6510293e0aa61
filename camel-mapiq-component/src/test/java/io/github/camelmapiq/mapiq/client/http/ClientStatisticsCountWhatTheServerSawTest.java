package io.github.camelmapiq.mapiq.client.http;

import java.util.Map;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link MapiqClients#statistics()} and {@link MapiqClients#tokenRequests()} agree with what the server saw through
 * retries, a 401 replay, a token endpoint hiccup and calls that fail for good, so an operator can trust them.
 */
class ClientStatisticsCountWhatTheServerSawTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

    private MapiqSimulator sim;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().clearFaults();
        sim.control().resetCounters();
    }

    @Test
    void callsRetriesReplaysFailuresAndTokenRequestsMatchTheServer() throws Exception {
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client();
            sim.control().injectFault(Fault.status(503).times(1).onPath(MapiqSimulator.TOKEN_PATH));
            sim.control().injectFault(Fault.status(503).times(2).onPath("/v2/users"));
            callUsers(client); // 1 + 2 retries, token fetched in 2 requests
            for (int i = 0; i < 5; i++) {
                callUsers(client);
            }
            sim.control().revokeAllTokens();
            callUsers(client); // 401, then replayed with a new token
            sim.control().injectFault(Fault.status(500).onPath("/v2/users"));
            assertThatThrownBy(() -> callUsers(client)).isInstanceOf(MapiqApiException.class); // 1 + 3 retries

            MapiqClientStatistics statistics = clients.clients().statistics();
            assertThat(statistics.calls()).as("every attempt the server saw").isEqualTo(apiCallsSeenByServer())
                    .isEqualTo(3 + 5 + 2 + 4);
            assertThat(statistics.retries()).isEqualTo(2 + 3);
            assertThat(statistics.replaysAfterUnauthorized()).isEqualTo(1);
            assertThat(statistics.failures()).isEqualTo(1);
            assertThat(clients.clients().tokenRequests()).as("token requests the server saw, retries included")
                    .isEqualTo(sim.control().tokenRequests()).isEqualTo(3);
        }
    }

    @Test
    void aCallThatGetsNoTokenCountsAsFailed() {
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client(c -> c.setClientSecret("not-the-secret"));

            assertThatThrownBy(() -> callUsers(client)).isInstanceOf(MapiqAuthenticationException.class);

            assertThat(clients.clients().statistics().failures()).isEqualTo(1);
            assertThat(clients.clients().statistics().calls()).as("no API call was sent").isZero();
            assertThat(clients.clients().tokenRequests()).isEqualTo(sim.control().tokenRequests()).isEqualTo(1);
        }
    }

    private static void callUsers(MapiqHttpClient client) throws Exception {
        client.call("GET", "/v2/users", null, null, CallKind.READ);
    }

    private long apiCallsSeenByServer() {
        long total = 0;
        for (Map.Entry<String, ? extends Number> count : sim.control().callCounts().entrySet()) {
            if (!count.getKey().contains(MapiqSimulator.TOKEN_PATH)) {
                total += count.getValue().longValue();
            }
        }
        return total;
    }
}
