package io.github.camelmapiq.mapiq.producer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code operation=get}: while one get lists afresh for an id the cached listing lacks (here, slowly), gets of ids the
 * cached listing has are answered at once from it, instead of queueing behind that listing.
 */
class GetsFromTheCacheDoNotWaitForAnotherGetsListingTest {

    private static final String URI = "mapiq:users?operation=get&getCacheTtl=10m";

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

    @Test
    void aCachedIdIsAnsweredWhileAnUnknownIdIsBeingListed() throws Exception {
        String known = (String) sim.control().list("users").get(0).get("id");
        try (SimulatedCamel camel = SimulatedCamel.start(sim.simulator())) {
            assertThat(camel.send(URI, known).getException()).isNull(); // the listing is cached
            sim.control().resetCounters();
            sim.control().injectFault(Fault.delay(Duration.ofSeconds(3)).times(1).onPath("/v2/users"));

            CompletableFuture<Exchange> unknown = CompletableFuture.supplyAsync(() -> camel.send(URI, "no-such-user"));
            Thread.sleep(500); // lets the unknown id's listing reach the slow server
            Exchange cached = camel.send(URI, known);
            long listingsAnsweredMeanwhile = sim.control().calls("GET", "/v2/users");

            assertThat(listingsAnsweredMeanwhile).as("the slow listing had not been answered yet").isZero();
            assertThat(cached.getException()).isNull();
            assertThat(cached.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(known);
            assertThat(unknown.get().getException()).hasMessageContaining("No users record has id 'no-such-user'");
            assertThat(sim.control().calls("GET", "/v2/users")).isEqualTo(1);
        } finally {
            sim.control().clearFaults();
        }
    }
}
