package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A simulator bound to an address other than loopback (here every interface, 0.0.0.0) guards its control plane with
 * a random token, while its API stays as it is; on loopback the control plane needs no token unless asked for. Every
 * call goes to 127.0.0.1: the traffic stays on loopback.
 */
class ControlPlaneNeedsATokenOffLoopbackTest {

    static final String HEADER = "X-Simulator-Control-Token";

    static MapiqSimulator exposed;

    @BeforeAll
    static void start() {
        exposed = MapiqSimulator.builder().host("0.0.0.0").users(2).rateLimitPerSecond(0).start();
    }

    @AfterAll
    static void stop() {
        exposed.close();
    }

    static String loopbackUrl(MapiqSimulator sim) {
        return "http://127.0.0.1:" + sim.port();
    }

    static Api.Response get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        return Api.send(b.GET().build());
    }

    static Api.Response tokenRequest(String base, String clientId, String secret) {
        return Api.send(HttpRequest.newBuilder(URI.create(base + MapiqSimulator.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "client_credentials",
                        "scope", MapiqSimulator.SCOPE, "client_id", clientId, "client_secret", secret)))).build());
    }

    static void assertRefusedWithoutEcho(Api.Response r, String sent) {
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("WWW-Authenticate")).startsWith(HEADER);
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        assertThat(r.json().get("detail").asText()).contains(HEADER);
        if (sent != null) { // asserted as a yes/no, so that a failure does not print what was sent
            assertThat(r.body().contains(sent)).as("the answer's body repeats what was sent").isFalse();
            assertThat(r.raw().headers().map().toString().contains(sent))
                    .as("the answer's headers repeat what was sent").isFalse();
        }
    }

    @Test
    void theTokenIsRandomBase64urlOf32Bytes() {
        String token = exposed.controlToken().orElseThrow();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        try (MapiqSimulator other = MapiqSimulator.builder().host("0.0.0.0").users(0).start()) {
            assertThat(other.controlToken().orElseThrow()).isNotEqualTo(token);
        }
    }

    @Test
    void controlPlaneRefusesACallWithoutTheToken() {
        String base = loopbackUrl(exposed);
        for (String path : new String[] {"/_simulator", "/_simulator/tokens", "/_simulator/counters",
            "/_simulator/data/users", "/_simulator/nothing-here"}) {
            assertRefusedWithoutEcho(get(base + path, Map.of()), null);
        }
        Api.Response post = Api.send(HttpRequest.newBuilder(URI.create(base + "/_simulator/clients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"intruder\",\"clientSecret\":\"x\","
                        + "\"permissions\":[\"users.read\"]}")).build());
        assertRefusedWithoutEcho(post, null);
        assertThat(tokenRequest(base, "intruder", "x").status()).isEqualTo(401);
    }

    @Test
    void controlPlaneRefusesAWrongToken() {
        String token = exposed.controlToken().orElseThrow();
        String base = loopbackUrl(exposed);
        String sameLength = token.substring(0, 42) + (token.endsWith("A") ? "B" : "A");
        String wrong = "not-the-control-token-0123456789";
        assertRefusedWithoutEcho(get(base + "/_simulator/tokens", Map.of(HEADER, wrong)), wrong);
        assertRefusedWithoutEcho(get(base + "/_simulator/tokens", Map.of(HEADER, sameLength)), sameLength);
        assertRefusedWithoutEcho(get(base + "/_simulator/tokens", Map.of(HEADER, token + "x")), token + "x");
        assertRefusedWithoutEcho(get(base + "/_simulator/tokens", Map.of(HEADER, "")), null);
        // only the dedicated header counts, not an Authorization header
        assertRefusedWithoutEcho(get(base + "/_simulator/tokens", Map.of("Authorization", "Bearer " + token)), null);
    }

    @Test
    void controlPlaneAnswersWithTheToken() {
        String token = exposed.controlToken().orElseThrow();
        String base = loopbackUrl(exposed);
        Api.Response info = get(base + "/_simulator", Map.of(HEADER, token));
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("records").get("users").asInt()).isEqualTo(2);
        Api.Response registered = Api.send(HttpRequest.newBuilder(URI.create(base + "/_simulator/clients"))
                .header(HEADER, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"clientId\":\"by-token\",\"clientSecret\":\"pw\","
                        + "\"permissions\":[\"users.read\"]}")).build());
        assertThat(registered.status()).isEqualTo(201);
        assertThat(tokenRequest(base, "by-token", "pw").status()).isEqualTo(200);
        assertThat(get(base + "/_simulator/counters", Map.of(HEADER, token)).json().has("calls")).isTrue();
    }

    @Test
    void theApiNeedsNoControlToken() {
        String base = loopbackUrl(exposed);
        Api.Response token = tokenRequest(base, MapiqSimulator.DEMO_CLIENT_ID, MapiqSimulator.DEMO_CLIENT_SECRET);
        assertThat(token.status()).isEqualTo(200);
        Api.Response users = get(base + "/v2/users", Map.of("Authorization",
                "Bearer " + token.json().get("access_token").asText()));
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.items().size()).isEqualTo(2);
        assertThat(get(base + "/v2/users", Map.of()).status()).isEqualTo(401);
    }

    @Test
    void onLoopbackTheControlPlaneNeedsNoToken() {
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            try (MapiqSimulator local = MapiqSimulator.builder().host(host).users(1).start()) {
                assertThat(local.controlToken()).isEmpty();
                assertThat(get(local.baseUrl() + "/_simulator/counters", Map.of()).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void onLoopbackATokenCanBeRequired() {
        try (MapiqSimulator local = MapiqSimulator.builder().requireControlToken(true).users(1).start()) {
            String token = local.controlToken().orElseThrow();
            assertRefusedWithoutEcho(get(local.baseUrl() + "/_simulator/counters", Map.of()), null);
            assertThat(get(local.baseUrl() + "/_simulator/counters", Map.of(HEADER, token)).status()).isEqualTo(200);
        }
        MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().requireControlToken(true).users(1)
                .build();
        try (MapiqSimulator sim = extension.simulator()) {
            String token = sim.controlToken().orElseThrow();
            assertRefusedWithoutEcho(get(sim.baseUrl() + "/_simulator", Map.of()), null);
            assertThat(get(sim.baseUrl() + "/_simulator", Map.of(HEADER, token)).status()).isEqualTo(200);
        }
    }
}
