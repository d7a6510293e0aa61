package io.github.camelmapiq.mapiq.client.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.MapiqException;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.entity.UrlEncodedFormEntity;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.NameValuePair;
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
    /** The most of a token endpoint's answer that is read: a token answer is a few hundred bytes. */
    static final int MAX_ANSWER = 64 * 1024;

    private final ClientCredentials credentials;
    private final CloseableHttpClient http;
    private final ObjectMapper mapper;
    private final Duration refreshMargin;
    private final Clock clock;
    private final RequestConfig requestConfig;
    private final AtomicBoolean marginWarned = new AtomicBoolean();

    /** With HttpClient's timeouts as {@code http} has them; redirects are never followed. */
    public ClientCredentialsTokenClient(ClientCredentials credentials, CloseableHttpClient http, ObjectMapper mapper,
                                        Duration refreshMargin, Clock clock) {
        this(credentials, http, mapper, refreshMargin, clock, RequestConfig.custom().setRedirectsEnabled(false).build());
    }

    /**
     * @param requestConfig set on every token request; its redirects must be off (the request carries the secret)
     */
    public ClientCredentialsTokenClient(ClientCredentials credentials, CloseableHttpClient http, ObjectMapper mapper,
                                        Duration refreshMargin, Clock clock, RequestConfig requestConfig) {
        if (requestConfig.isRedirectsEnabled()) {
            throw new IllegalArgumentException("token requests carry the client secret: redirects must be off");
        }
        this.credentials = credentials;
        this.http = http;
        this.mapper = mapper;
        this.refreshMargin = refreshMargin;
        this.clock = clock;
        this.requestConfig = requestConfig;
    }

    @Override
    public AccessToken requestToken(TokenRequestScope scope) throws Exception {
        HttpPost post = new HttpPost(credentials.tokenUrl());
        post.setConfig(requestConfig);
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
        LOG.debug("Requesting an access token from {}", shownUrl());
        TokenRequestScope.Watch watch = scope.watch(post);
        try (ClassicHttpResponse response = http.executeOpen(null, post, null)) {
            int status = response.getCode();
            if (status / 100 == 3) {
                post.cancel(); // the body is not read: the connection is closed, not drained
                throw redirected(status, response.getFirstHeader(HttpHeaders.LOCATION));
            }
            byte[] body = readAtMost(response.getEntity(), MAX_ANSWER);
            if (body == null) {
                post.cancel();
                throw new MapiqAuthenticationException("Mapiq token endpoint " + shownUrl() + " answered HTTP " + status
                                                       + " with more than " + MAX_ANSWER / 1024 + " KiB; a token answer "
                                                       + "is far smaller (is tokenUrl an OAuth2 token endpoint?)",
                        shownUrl(), status, null, null);
            }
            return toToken(status, new String(body, StandardCharsets.UTF_8), sentAt);
        } catch (IOException | RuntimeException e) {
            MapiqException cancelled = watch.cancelled(e);
            if (cancelled != null) {
                throw cancelled;
            }
            if (e instanceof IOException io) {
                throw new IOException("Mapiq token endpoint " + shownUrl() + " could not be reached: "
                                      + Texts.mask(e.toString(), credentials.secrets()), io);
            }
            throw e;
        } finally {
            watch.close();
        }
    }

    private String shownUrl() {
        return Texts.url(credentials.tokenUrl());
    }

    /**
     * The first {@code max} bytes of {@code entity}, or {@code null} when it holds more (then it is not read
     * further): a token answer is a few hundred bytes, whatever its compression claims.
     */
    private static byte[] readAtMost(HttpEntity entity, int max) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        InputStream in = entity.getContent();
        if (in == null) {
            return new byte[0];
        }
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    /** A 3xx is never followed: the request carries the client secret, and the answer may point anywhere. */
    private MapiqAuthenticationException redirected(int status, Header location) {
        String where = location == null ? "without a Location" : "to " + Texts.origin(location.getValue());
        return new MapiqAuthenticationException("Mapiq token endpoint " + shownUrl() + " answered HTTP " + status
                                                + " (a redirect " + where + "), which is not followed: the token "
                                                + "request carries the client secret. Set tokenUrl to the token "
                                                + "endpoint itself",
                shownUrl(), status, null, null);
    }

    private AccessToken toToken(int status, String text, Instant sentAt) throws MapiqAuthenticationException {
        JsonNode json = parse(text);
        if (status / 100 != 2) {
            throw refusal(status, json, text);
        }
        String token = json == null ? null : json.path("access_token").asText(null);
        if (token == null || token.isBlank()) {
            throw new MapiqAuthenticationException(
                    "Mapiq token endpoint " + shownUrl() + " answered HTTP " + status
                                                   + " without an access_token (is tokenUrl an OAuth2 token endpoint?)",
                    shownUrl(), status, null, null);
        }
        String type = json.path("token_type").asText("Bearer");
        if (!"bearer".equalsIgnoreCase(type)) {
            throw new MapiqAuthenticationException(
                    "Mapiq token endpoint " + shownUrl() + " issued a token of type '"
                                                   + Texts.quote(Texts.mask(type, credentials.secrets()), 40)
                                                   + "'; only Bearer tokens are supported",
                    shownUrl(), status, null, null);
        }
        long expiresIn = json.path("expires_in").asLong(0);
        Duration lifetime = expiresIn > 0 ? Duration.ofSeconds(expiresIn) : DEFAULT_LIFETIME;
        LOG.debug("Access token received from {}, valid for {}", shownUrl(), lifetime);
        if (refreshMargin.compareTo(lifetime) >= 0 && marginWarned.compareAndSet(false, true)) {
            LOG.warn("tokenRefreshMargin ({} ms) is as long as the tokens of {} live ({} s): each token is refreshed at "
                     + "half its lifetime instead. Lower tokenRefreshMargin", refreshMargin.toMillis(), shownUrl(),
                    lifetime.toSeconds());
        }
        return AccessToken.issued(token, sentAt, lifetime, refreshMargin);
    }

    private MapiqAuthenticationException refusal(int status, JsonNode json, String text) {
        // a token endpoint (or a proxy before it) may quote the request: the secret never leaves in the error
        String[] secrets = credentials.secrets();
        String error = Texts.mask(json == null ? null : json.path("error").asText(null), secrets);
        String description = Texts.mask(json == null ? null : json.path("error_description").asText(null), secrets);
        StringBuilder msg = new StringBuilder("Mapiq token endpoint ").append(shownUrl())
                .append(" refused the token request with HTTP ").append(status);
        if (error != null) {
            msg.append(": ").append(Texts.quote(error, 80));
            if (description != null) {
                msg.append(" (").append(Texts.quote(description, Texts.QUOTED)).append(')');
            }
            msg.append(hint(error));
        } else if (!text.isBlank()) {
            msg.append(": ").append(Texts.quote(Texts.mask(text.strip(), secrets), Texts.QUOTED));
        }
        return new MapiqAuthenticationException(msg.toString(), shownUrl(), status, error, description);
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
