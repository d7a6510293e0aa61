package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitAndCheckinThrottleTest {

    @Test
    void clientOverItsRateGets429WithRetryAfter() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try (MapiqSimulator sim = MapiqSimulator.builder().users(3).rateLimitPerSecond(2).start()) {
            Api api = new Api(sim).login();
            int ok = 0;
            Api.Response limited = null;
            // the bucket refills in real time: ten calls at once outrun two a second however slow the machine is
            for (int round = 0; round < 50 && limited == null; round++) {
                List<Future<Api.Response>> calls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    calls.add(callers.submit(() -> api.get("/v2/users")));
                }
                for (Future<Api.Response> call : calls) {
                    Api.Response r = call.get(2, TimeUnit.MINUTES);
                    if (r.status() == 429) {
                        limited = limited == null ? r : limited;
                    } else {
                        assertThat(r.status()).isEqualTo(200);
                        ok++;
                    }
                }
            }
            assertThat(limited).isNotNull();
            assertThat(ok).as("the burst of one second's calls passes").isGreaterThanOrEqualTo(2);
            assertThat(limited.header("Retry-After")).isEqualTo("1");
            assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
            // another client application has its own bucket
            Api other = new Api(sim).login(MapiqSimulator.READONLY_CLIENT_ID, MapiqSimulator.READONLY_CLIENT_SECRET);
            assertThat(other.get("/v2/users").status()).isEqualTo(200);
            sim.control().setRateLimitPerSecond(0);
            for (int i = 0; i < 30; i++) {
                assertThat(api.get("/v2/users").status()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void secondCheckinOfAUserWithinTheWindowGets429UntilTheClockMoves() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-10T10:00:00Z"));
        try (MapiqSimulator sim = MapiqSimulator.builder().users(3).clock(clock).rateLimitPerSecond(0).start()) {
            Api api = new Api(sim).login();
            JsonNode users = api.get("/v2/users").items();
            String building = api.get("/v2/spaces/buildings").items().get(0).get("id").asText();
            Map<String, Object> in = Map.of("userId", users.get(0).get("id").asText(), "buildingId", building,
                    "eventType", "AtTheOffice", "source", "Wifi");
            assertThat(api.post("/v2/user-locations/checkin-events", in).status()).isEqualTo(201);
            clock.advance(Duration.ofSeconds(15));
            Api.Response r = api.post("/v2/user-locations/checkin-events", in);
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("Retry-After")).isEqualTo("45");
            // another user is not throttled
            assertThat(api.post("/v2/user-locations/checkin-events", Map.of("userId", users.get(1).get("id").asText(),
                    "buildingId", building, "eventType", "AtTheOffice", "source", "Wifi")).status()).isEqualTo(201);
            clock.advance(Duration.ofSeconds(45));
            assertThat(api.post("/v2/user-locations/checkin-events", in).status()).isEqualTo(201);
            assertThat(sim.control().postedCheckins()).hasSize(3);
        }
    }
}
