package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TokenExpiryAndRevocationTest {

    @Test
    void oneSecondTokenExpiresWhenTheClockMovesOn() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-10T10:00:00Z"));
        try (MapiqSimulator sim = MapiqSimulator.builder().users(3).clock(clock)
                .tokenLifetime(Duration.ofSeconds(1)).start()) {
            Api api = new Api(sim).login();
            assertThat(api.get("/v2/users").status()).isEqualTo(200);
            clock.advance(Duration.ofMillis(999));
            assertThat(api.get("/v2/users").status()).isEqualTo(200);
            clock.advance(Duration.ofMillis(1));
            Api.Response r = api.get("/v2/users");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("detail").asText()).contains("expired");
            assertThat(r.header("WWW-Authenticate")).contains("invalid_token").contains("expired");
            assertThat(api.login().get("/v2/users").status()).isEqualTo(200);
        }
    }

    @Test
    void lifetimeChangedAtRuntimeAppliesToNewTokens() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-10T10:00:00Z"));
        try (MapiqSimulator sim = MapiqSimulator.builder().users(3).clock(clock).start()) {
            sim.control().setTokenLifetime(Duration.ofSeconds(2));
            Api api = new Api(sim);
            Api.Response t = api.tokenRequest(TokenEndpointTest.valid());
            assertThat(t.json().get("expires_in").asLong()).isEqualTo(2);
        }
    }

    @Test
    void revokedTokensAre401UntilANewOneIsFetched() {
        try (MapiqSimulator sim = MapiqSimulator.builder().users(3).start()) {
            Api api = new Api(sim).login();
            assertThat(api.get("/v2/users").status()).isEqualTo(200);
            sim.control().revokeAllTokens();
            Api.Response r = api.get("/v2/users");
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.json().get("detail").asText()).contains("revoked");
            assertThat(api.login().get("/v2/users").status()).isEqualTo(200);
        }
    }
}
