package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitAndCheckinThrottleTest {

    @Test
    void clientOverItsRateGets429WithRetryAfter() {
        try (MapiqSimulator sim = MapiqSimulator.builder().users(3).rateLimitPerSecond(5).start()) {
            Api api = new Api(sim).login();
            int ok = 0;
            Api.Response limited = null;
            // the bucket refills in real time, so a slow machine may need more calls than the burst to see a 429
            for (int i = 0; i < 1000 && limited == null; i++) {
                Api.Response r = api.get("/v2/users");
                if (r.status() == 429) {
                    limited = r;
                } else {
                    ok++;
                }
            }
            assertThat(limited).isNotNull();
            assertThat(ok).isGreaterThanOrEqualTo(5);
            assertThat(limited.header("Retry-After")).isEqualTo("1");
            assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
            // another client application has its own bucket
            Api other = new Api(sim).login(MapiqSimulator.READONLY_CLIENT_ID, MapiqSimulator.READONLY_CLIENT_SECRET);
            assertThat(other.get("/v2/users").status()).isEqualTo(200);
            sim.control().setRateLimitPerSecond(0);
            for (int i = 0; i < 30; i++) {
                assertThat(api.get("/v2/users").status()).isEqualTo(200);
            }
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
