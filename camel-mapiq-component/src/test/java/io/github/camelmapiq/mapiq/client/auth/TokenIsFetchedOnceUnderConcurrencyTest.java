package io.github.camelmapiq.mapiq.client.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Single flight: calls that need a token at the same moment cause one token request, both for the first token and for
 * the new one after all tokens were revoked (a burst of 401s for the same old token invalidates it only once).
 */
class TokenIsFetchedOnceUnderConcurrencyTest {

    private static final int THREADS = 50;

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

    private MapiqSimulator sim;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().resetCounters();
    }

    private List<Integer> callTogether(MapiqHttpClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return client.call("GET", "/v2/spaces/buildings", null, null, CallKind.READ).status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void fiftyThreadsNeedingTheFirstTokenCauseOneTokenRequest() throws Exception {
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client(c -> c.setMaxConnections(THREADS));

            assertThat(callTogether(client)).hasSize(THREADS).containsOnly(200);
            assertThat(sim.control().tokenRequests()).isEqualTo(1);
        }
    }

    @Test
    void fiftyThreadsRefusedWithTheSameRevokedTokenCauseOneNewTokenRequest() throws Exception {
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client(c -> c.setMaxConnections(THREADS));
            client.checkCredentials();
            sim.control().revokeAllTokens();
            sim.control().resetCounters();

            assertThat(callTogether(client)).hasSize(THREADS).containsOnly(200);
            assertThat(sim.control().tokenRequests()).isEqualTo(1);
        }
    }
}
