package io.github.camelmapiq.mapiq.client.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OAuth2 client credentials grant (RFC 6749 4.4) as Mapiq documents it: a form POST of {@code grant_type},
 * {@code client_id}, {@code client_secret} and {@code scope}. Errors become {@link MapiqAuthenticationException}s
 * naming the OAuth error and the token URL, never the secret.
 */
public final class ClientCredentialsTokenClient implements TokenSource {

    private static final Logger LOG = LoggerFactory.getLogger(ClientCredentialsTokenClient.class);
    /** Used when the server omits {@code expires_in} (RFC 6749 only recommends it): short, so nothing goes stale. */
    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    private static final int MAX_ERROR_TEXT = 300;

    private final ClientCredentials credentials;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;
    private final Duration refreshMargin;
    private final Clock clock;

    public ClientCredentialsTokenClient(ClientCredentials credentials, CloseableHttpClient http, ObjectMapper mapper,
                                        Duration refreshMargin, Clock clock) {
        this.credentials = credentials;
        this.http = http;
        this.mapper = mapper;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
    }

    @Override
    public AccessToken requestToken() throws IOException, MapiqAuthenticationException {
        HttpPost post = new HttpPost(credentials.tokenUrl());
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        List<NameValuePair> form = new ArrayList<>(4);
        form.add(new BasicNameValuePair("grant_type", "client_credentials"));
        form.add(new BasicNameValuePair("client_id", credentials.clientId()));
        form.add(new BasicNameValuePair("client_secret", credentials.clientSecret()));
        if (credentials.scope() != null && !credentials.scope().isBlank()) {
            form.add(new BasicNameValuePair("scope", credentials.scope()));
        }
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        Instant sentAt = clock.instant();
        LOG.debug("Requesting an access token from {}", credentials.tokenUrl());
        Answer answer;
        try {
            answer = http.execute(post, response -> new Answer(response.getCode(), response.getEntity() == null
                    ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IOException("Mapiq token endpoint " + credentials.tokenUrl() + " could not be reached: " + e, e);
        }
        return toToken(answer.status(), answer.text(), sentAt);
    }

    /** The token endpoint's answer, read whole (it is small) so the connection is released before it is judged. */
    private record Answer(int status, String text) {
    }

    private AccessToken toToken(int status, String text, Instant sentAt) throws MapiqAuthenticationException {
        JsonNode json = parse(text);
        if (status / 100 != 2) {
            throw refusal(status, json, text);
        }
        String token = json == null ? null : json.path("access_token").asText(null);
        if (token == null || token.isBlank()) {
            throw new MapiqAuthenticationException(
                    "Mapiq token endpoint " + credentials.tokenUrl() + " answered HTTP " + status
                                                   + " without an access_token (is tokenUrl an OAuth2 token endpoint?)",
                    credentials.tokenUrl(), status, null, null);
        }
        String type = json.path("token_type").asText("Bearer");
        if (!"bearer".equalsIgnoreCase(type)) {
            throw new MapiqAuthenticationException(
                    "Mapiq token endpoint " + credentials.tokenUrl() + " issued a token of type '" + type
                                                   + "'; only Bearer tokens are supported",
                    credentials.tokenUrl(), status, null, null);
        }
        long expiresIn = json.path("expires_in").asLong(0);
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME;
        LOG.debug("Access token received from {}, valid for {}", credentials.tokenUrl(), lifetime);
        return AccessToken.issued(token, sentAt, lifetime, refreshMargin);
    }

    private MapiqAuthenticationException refusal(int status, JsonNode json, String text) {
        // a token endpoint (or a proxy before it) may quote the request: the secret never leaves in the error
        String secret = credentials.clientSecret();
        String error = Texts.mask(json == null ? null : json.path("error").asText(null), secret);
        String description = Texts.mask(json == null ? null : json.path("error_description").asText(null), secret);
        StringBuilder msg = new StringBuilder("Mapiq token endpoint ").append(credentials.tokenUrl())
                .append(" refused the token request with HTTP ").append(status);
        if (error != null) {
            msg.append(": ").append(error);
            if (description != null) {
                msg.append(" (").append(description).append(')');
            }
            msg.append(hint(error));
        } else if (!text.isBlank()) {
            msg.append(": ").append(Texts.abbreviate(Texts.mask(text, secret), MAX_ERROR_TEXT));
        }
        return new MapiqAuthenticationException(msg.toString(), credentials.tokenUrl(), status, error, description);
    }

    private static String hint(String error) {
        return switch (error) {
            case "invalid_client" -> ". Check the clientId and clientSecret options.";
            case "invalid_scope" -> ". Check the scope option.";
            case "unauthorized_client" -> ". The client application may not use the client credentials grant; ask Mapiq"
                                          + " support.";
            default -> "";
        };
    }

    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

}
