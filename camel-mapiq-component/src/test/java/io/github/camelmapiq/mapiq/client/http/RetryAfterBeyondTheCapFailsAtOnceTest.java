package io.github.camelmapiq.mapiq.client.http;

import java.util.Map;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A Retry-After longer than maxRetryWait is not waited for: the call fails at once, saying what to raise. */
class RetryAfterBeyondTheCapFailsAtOnceTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).build();

    @AfterEach
    void clearFaults() {
        extension.control().clearFaults();
    }

    @Test
    void retryAfterOfTwoMinutesWithACapOfTwoSecondsFailsOnTheFirstAnswer() {
        MapiqSimulator sim = extension.simulator();
        sim.control().resetCounters();
        sim.control().injectFault(Fault.status(429).retryAfterSeconds(120).times(5).onPath("/v2/users"));
        try (SimulatorClients fixture = new SimulatorClients(sim)) {
            MapiqHttpClient client = fixture.client(c -> c.setMaxRetryWait(2_000));

            assertThatThrownBy(() -> client.list("/v2/users", Map.of(), 100, r -> {
            }))
                    .isInstanceOfSatisfying(MapiqApiException.class, e -> assertThat(e.getStatus()).isEqualTo(429))
                    .hasMessageContaining("GET /v2/users answered 429 Too Many Requests")
                    .hasMessageContaining("retry after 120")
                    .hasMessageContaining("maxRetryWait (2000 ms)")
                    .hasMessageContaining("raise maxRetryWait");
            assertThat(sim.control().calls("GET", "/v2/users")).isEqualTo(1);
        }
    }
}
