package io.github.camelmapiq.mapiq.client.auth;

import java.time.Clock;
import java.time.Duration;

import com.nimbusds.jwt.SignedJWT;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import okhttp3.mockwebserver.RecordedRequest;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client credentials request is standard OAuth2: an authorization server this project did not write
 * (mock-oauth2-server) issues a token for it, and sees the form RFC 6749 4.4.2 describes.
 */
class StandardOAuthServerIssuesTokensTest {

    private final MockOAuth2Server server = new MockOAuth2Server();

    @BeforeEach
    void start() {
        server.start();
    }

    @AfterEach
    void stop() {
        server.shutdown();
    }

    @Test
    void tokenIsIssuedForTheClientCredentialsGrant() throws Exception {
        String tokenUrl = server.tokenEndpointUrl("mapiq").toString();
        ClientCredentials credentials = new ClientCredentials(tokenUrl, "camel-client", "camel-secret",
                "https://api.mapiq.com/public/.default");
        try (CloseableHttpClient http = HttpClients.createDefault()) {
            TokenManager tokens = new TokenManager(new ClientCredentialsTokenClient(credentials, http,
                    MapiqJson.mapper(), Duration.ofMinutes(1), Clock.systemUTC()), Clock.systemUTC());

            AccessToken token = tokens.token();

            SignedJWT jwt = SignedJWT.parse(token.value());
            assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("camel-client");
            assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(server.issuerUrl("mapiq").toString());
            assertThat(tokens.token()).isSameAs(token);

            RecordedRequest request = server.takeRequest();
            assertThat(request.getMethod()).isEqualTo("POST");
            assertThat(request.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
            assertThat(request.getBody().readUtf8()).contains("grant_type=client_credentials", "client_id=camel-client",
                    "client_secret=camel-secret", "scope=https%3A%2F%2Fapi.mapiq.com%2Fpublic%2F.default");
        }
    }
}
