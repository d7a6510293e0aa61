package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A setting out of range is refused with its name, never silently clamped or ignored. */
class SettingsAreValidatedTest {

    static MapiqSimulator sim;
    static Api control;

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(3).start();
        control = new Api(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Api.Response putSettings(String json) {
        return Api.send(control.authorized("/_simulator/settings").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    @Test
    void builderRefusesNegativeSettingsNamingThem() {
        MapiqSimulator.Builder b = MapiqSimulator.builder();
        assertThatThrownBy(() -> b.rateLimitPerSecond(-1)).hasMessageContaining("rateLimitPerSecond");
        assertThatThrownBy(() -> b.checkinThrottle(Duration.ofSeconds(-1))).hasMessageContaining("checkinThrottle");
        assertThatThrownBy(() -> b.retentionDays(-1)).hasMessageContaining("retentionDays");
        assertThatThrownBy(() -> b.threads(0)).hasMessageContaining("threads");
    }

    @Test
    void controlRefusesNegativeSettingsNamingThem() {
        SimulatorControl c = sim.control();
        assertThatThrownBy(() -> c.setRateLimitPerSecond(-1)).hasMessageContaining("rateLimitPerSecond");
        assertThatThrownBy(() -> c.setCheckinThrottle(Duration.ofSeconds(-5))).hasMessageContaining("checkinThrottle");
        assertThatThrownBy(() -> c.setRetentionDays(-1)).hasMessageContaining("retentionDays");
        assertThat(putSettings("{}").json().get("rateLimitPerSecond").asInt()).isEqualTo(20);
    }

    @Test
    void retentionDaysCanBeChangedAtRuntime() {
        Api api = new Api(sim).login();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String lastMonth = "/v2/workdays?startDate=" + today.minusDays(30) + "&endDate=" + today.minusDays(1);
        int before = api.get(lastMonth).items().size();
        assertThat(putSettings("{\"retentionDays\": 0}").json().get("retentionDays").asInt()).isZero();
        try {
            assertThat(before).isPositive();
            assertThat(api.get(lastMonth).items()).isEmpty();
        } finally {
            sim.control().setRetentionDays(30);
        }
    }

    @Test
    void httpSettingsNameEveryBadFieldAndApplyNothing() {
        JsonNode p = putSettings("{\"rateLimit\": 5, \"bareArrays\": \"yes\", \"rateLimitPerSecond\": -5,"
                + " \"checkinThrottleSeconds\": -10, \"retentionDays\": 7}").json();
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("errors").has("rateLimit")).isTrue();
        assertThat(p.get("errors").get("rateLimit").get(0).asText()).contains("retentionDays");
        assertThat(p.get("errors").has("bareArrays")).isTrue();
        assertThat(p.get("errors").has("rateLimitPerSecond")).isTrue();
        assertThat(p.get("errors").has("checkinThrottleSeconds")).isTrue();
        JsonNode now = control.get("/_simulator/settings").json();
        assertThat(now.get("retentionDays").asInt()).isEqualTo(30);
        assertThat(now.get("rateLimitPerSecond").asInt()).isEqualTo(20);
        assertThat(now.get("checkinThrottleSeconds").asInt()).isEqualTo(60);
    }
}
