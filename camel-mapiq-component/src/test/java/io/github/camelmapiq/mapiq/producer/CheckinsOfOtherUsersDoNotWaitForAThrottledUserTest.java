package io.github.camelmapiq.mapiq.producer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code coalesceCheckins=true}, a user's event waiting out Mapiq's per-user throttle (429, then a retry after
 * Retry-After) holds up only that user's later events: another user's event is posted and answered meanwhile, even one
 * whose id hashes like the waiting user's.
 */
class CheckinsOfOtherUsersDoNotWaitForAThrottledUserTest {

    private static final String PATH = "/v2/user-locations/checkin-events";
    private static final String URI = "mapiq:checkin-events?coalesceCheckins=true&checkinThrottleWindow=100";

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(2).rateLimitPerSecond(0)
            .checkinThrottle(Duration.ofSeconds(3)).build();

    private static Map<String, Object> event(String user, String building, String type) {
        return Map.of("userId", user, "buildingId", building, "eventType", type, "source", "Wifi");
    }

    private static String addUser(SimulatorControl control, String id) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", id);
        user.put("email", id.toLowerCase() + "@example.com");
        user.put("firstName", id);
        user.put("lastName", "Tester");
        return (String) control.add("users", user).get("id");
    }

    @Test
    void anotherUsersEventIsAnsweredWhileTheThrottledOneWaits() throws Exception {
        SimulatorControl control = sim.control();
        // "Aa" and "BB" have the same String hash: ids that would share any lock chosen by hash
        String waiting = addUser(control, "Aa-checkin-user");
        String other = addUser(control, "BB-checkin-user");
        assertThat(waiting.hashCode()).isEqualTo(other.hashCode());
        String building = (String) control.list("buildings").get(0).get("id");
        try (SimulatedCamel camel = SimulatedCamel.start(sim.simulator())) {
            assertThat(camel.send(URI, event(waiting, building, "AtTheOffice")).getException()).isNull();
            control.resetCounters();

            // a real change within Mapiq's 3 s throttle: answered 429, retried after Retry-After
            CompletableFuture<Exchange> throttled = CompletableFuture.supplyAsync(
                    () -> camel.send(URI, event(waiting, building, "NotAtTheOffice")));
            await().atMost(Duration.ofMinutes(1)).until(() -> control.calls("POST", PATH, 429) == 1);
            Exchange otherUser = camel.send(URI, event(other, building, "AtTheOffice"));

            assertThat(otherUser.getException()).isNull();
            assertThat(throttled).as("the throttled user's event is still waiting for its retry").isNotDone();
            assertThat(throttled.get().getException()).isNull();
        }
        assertThat(control.postedCheckins()).extracting(e -> e.get("userId") + " " + e.get("eventType"))
                .containsExactly(other + " AtTheOffice", waiting + " NotAtTheOffice");
    }
}
