package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenEndpointTest {

    static MapiqSimulator sim;
    static Api api;

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(3).tokenLifetime(java.time.Duration.ofMinutes(5)).start();
        api = new Api(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static Map<String, String> valid() {
        Map<String, String> m = new HashMap<>();
        m.put("grant_type", "client_credentials");
        m.put("scope", MapiqSimulator.SCOPE);
        m.put("client_id", MapiqSimulator.DEMO_CLIENT_ID);
        m.put("client_secret", MapiqSimulator.DEMO_CLIENT_SECRET);
        return m;
    }

    static void oauthError(Api.Response r, int status, String error) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("error").asText()).isEqualTo(error);
        assertThat(r.json().get("error_description").asText()).isNotBlank();
    }

    @Test
    void clientCredentialsGiveABearerTokenWithItsLifetime() {
        long before = sim.control().tokenRequests();
        Api.Response r = api.tokenRequest(valid());
        assertThat(r.status()).isEqualTo(200);
        JsonNode t = r.json();
        assertThat(t.get("access_token").asText()).hasSizeGreaterThan(20);
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asLong()).isEqualTo(300);
        assertThat(sim.control().tokenRequests()).isEqualTo(before + 1);
        assertThat(api.tokenRequest(valid()).json().get("access_token").asText())
                .isNotEqualTo(t.get("access_token").asText());
    }

    @Test
    void basicClientAuthenticationIsAccepted() {
        String basic = Base64.getEncoder().encodeToString((MapiqSimulator.DEMO_CLIENT_ID + ":"
                + MapiqSimulator.DEMO_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Api.Response r = Api.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "client_credentials",
                        "scope", MapiqSimulator.SCOPE)))).build());
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void wrongContentTypeIsInvalidRequest() {
        Api.Response r = Api.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        oauthError(r, 400, "invalid_request");
    }

    @Test
    void missingParametersAreInvalidRequest() {
        for (String p : new String[] {"grant_type", "client_id", "client_secret", "scope"}) {
            Map<String, String> m = valid();
            m.remove(p);
            Api.Response r = api.tokenRequest(m);
            oauthError(r, 400, "invalid_request");
            assertThat(r.json().get("error_description").asText()).contains(p);
        }
    }

    @Test
    void otherGrantIsUnsupportedGrantType() {
        Map<String, String> m = valid();
        m.put("grant_type", "password");
        oauthError(api.tokenRequest(m), 400, "unsupported_grant_type");
    }

    @Test
    void wrongScopeIsInvalidScope() {
        Map<String, String> m = valid();
        m.put("scope", "https://api.mapiq.com/other");
        oauthError(api.tokenRequest(m), 400, "invalid_scope");
    }

    @Test
    void wrongSecretOrUnknownClientIsInvalidClient() {
        Map<String, String> m = valid();
        m.put("client_secret", "guess");
        oauthError(api.tokenRequest(m), 401, "invalid_client");
        m = valid();
        m.put("client_id", "stranger");
        oauthError(api.tokenRequest(m), 401, "invalid_client");
    }
}
