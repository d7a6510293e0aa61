package io.github.camelmapiq.mapiq.client.auth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the token endpoint is down and the current token still serves, sixteen threads asking for a token thousands
 * of times cause exactly one token request per pause: a failed refresh sets the next attempt's time in the same step
 * that ends it, so no thread can slip a second request in between.
 */
class OneTokenRequestPerPauseDuringAnOutageTest {

    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final int THREADS = 16;
    private static final int CALLS_PER_THREAD = 5_000;

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(2).clock(CLOCK)
            .tokenLifetime(LIFETIME).rateLimitPerSecond(0).build();

    @AfterEach
    void clearFaults() {
        extension.control().clearFaults();
    }

    @Test
    void manyThreadsDuringAnOutageMakeOneTokenRequestPerPause() throws Exception {
        MapiqSimulator sim = extension.simulator();
        try (SimulatorClients clients = new SimulatorClients(sim, CLOCK)) {
            MapiqHttpClient client = clients.client(c -> {
                c.setTokenRefreshMargin(Duration.ofMinutes(2).toMillis());
                c.setMaxRetries(0); // one request per refresh attempt, so the server's count is the attempts' count
            });
            client.checkCredentials();
            sim.control().injectFault(Fault.status(503).onPath(MapiqSimulator.TOKEN_PATH));
            CLOCK.advance(LIFETIME.minusSeconds(90)); // within the refresh margin: every call wants a refresh

            for (int pause = 1; pause <= 3; pause++) {
                sim.control().resetCounters();
                hammer(client);
                assertThat(sim.control().tokenRequests()).as("token requests during pause %d", pause).isEqualTo(1);
                CLOCK.advance(Duration.ofSeconds(31)); // past the longest pause: the next refresh may be tried
            }
        }
    }

    /** {@code THREADS} threads each ask for a token {@code CALLS_PER_THREAD} times, all starting at once. */
    private static void hammer(MapiqHttpClient client) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < CALLS_PER_THREAD; i++) {
                        client.checkCredentials(); // the current token serves: no call fails
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
