package io.github.camelmapiq.simulator.api;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Json;
import io.github.camelmapiq.simulator.http.Reply;
import io.github.camelmapiq.simulator.http.Requests;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The two token endpoints: v2 client credentials ({@code /api/public/oauth2/token}) and the retired v1 password grant
 * ({@code /auth/token}, behind the {@code mapiq-api-key} header). Errors are OAuth error JSON.
 */
final class TokenEndpoints {

    private final Tokens tokens;
    private final Settings settings;
    private final Json json;

    TokenEndpoints(Tokens tokens, Settings settings, Json json) {
        this.tokens = tokens;
        this.settings = settings;
        this.json = json;
    }

    private static String need(Map<String, String> f, String name) {
        String v = Requests.param(f, name);
        if (v == null) {
            throw ApiException.oauth(400, "invalid_request", "The " + name + " parameter is required.");
        }
        return v;
    }

    Reply v2Token(HttpExchange ex, String method) {
        if (!method.equals("POST")) {
            throw ApiException.tokenMethodNotAllowed();
        }
        Map<String, String> f = Requests.formBody(ex);
        String grant = need(f, "grant_type");
        if (!grant.equals("client_credentials")) {
            throw ApiException.oauth(400, "unsupported_grant_type",
                    "The grant_type '" + grant + "' is not supported; use client_credentials.");
        }
        String clientId = Requests.param(f, "client_id");
        String secret = Requests.param(f, "client_secret");
        String basic = ex.getRequestHeaders().getFirst("Authorization");
        if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    clientId = URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8);
                    secret = URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.oauth(401, "invalid_client", "The Basic authorization header is malformed.");
            }
        }
        if (clientId == null) {
            throw ApiException.oauth(400, "invalid_request", "The client_id parameter is required.");
        }
        if (secret == null) {
            throw ApiException.oauth(400, "invalid_request", "The client_secret parameter is required.");
        }
        Tokens.Client client = tokens.client(clientId);
        if (client == null || !client.secret().equals(secret)) {
            throw ApiException.oauth(401, "invalid_client", "Client authentication failed: unknown client_id or wrong"
                    + " client_secret.");
        }
        String scope = need(f, "scope");
        if (!scope.equals(Credentials.SCOPE)) {
            throw ApiException.oauth(400, "invalid_scope", "The scope '" + scope + "' is not valid; use "
                    + Credentials.SCOPE + ".");
        }
        Tokens.Token t = tokens.issue(client.id(), client.permissions(), false);
        return tokenReply(t, null, settings.tokenLifetime().toSeconds());
    }

    Reply v1Token(HttpExchange ex, String method) {
        if (!method.equals("POST")) {
            throw ApiException.tokenMethodNotAllowed();
        }
        String refusal = apiKeyRefusal(ex);
        if (refusal != null) {
            throw ApiException.oauth(401, "invalid_client", refusal);
        }
        Map<String, String> f = Requests.formBody(ex);
        String grant = need(f, "grant_type");
        if (!grant.equals("password")) {
            throw ApiException.oauth(400, "unsupported_grant_type",
                    "The grant_type '" + grant + "' is not supported; use password.");
        }
        String clientId = need(f, "client_id");
        if (!clientId.equals(Credentials.V1_CLIENT_ID)) {
            throw ApiException.oauth(401, "invalid_client", "The client_id '" + clientId + "' is unknown.");
        }
        String scope = need(f, "scope");
        List<String> scopes = Arrays.asList(scope.split("\\s+"));
        if (!scopes.contains("openid") || !scopes.contains(Credentials.V1_SCOPE_SHIFTS)) {
            throw ApiException.oauth(400, "invalid_scope", "The scope must be 'openid " + Credentials.V1_SCOPE_SHIFTS + "'.");
        }
        String responseType = need(f, "response_type");
        if (!Arrays.asList(responseType.split("\\s+")).contains("token")) {
            throw ApiException.oauth(400, "invalid_request", "The response_type must be 'token id_token'.");
        }
        String user = need(f, "username");
        String password = need(f, "password");
        if (!user.equals(Credentials.V1_USERNAME) || !password.equals(Credentials.V1_PASSWORD)) {
            throw ApiException.oauth(400, "invalid_grant", "The username or password is incorrect.");
        }
        Tokens.Token t = tokens.issue(clientId, Tokens.ALL_PERMISSIONS, true);
        long expiresIn = settings.tokenLifetime().toSeconds();
        long now = settings.clock().instant().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String idToken = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + user + "\",\"aud\":\"" + clientId + "\",\"iat\":" + now
                        + ",\"exp\":" + (now + expiresIn) + ",\"iss\":\"mapiq-simulator\"}")
                        .getBytes(StandardCharsets.UTF_8)) + ".";
        return tokenReply(t, idToken, expiresIn);
    }

    /** Why the request's {@code mapiq-api-key} header is refused, or {@code null} when it holds the v1 key. */
    static String apiKeyRefusal(HttpExchange ex) {
        String key = ex.getRequestHeaders().getFirst("mapiq-api-key");
        if (Credentials.V1_API_KEY.equals(key)) {
            return null;
        }
        return key == null ? "The mapiq-api-key header is missing." : "The mapiq-api-key header is not valid.";
    }

    /** A token response, which must not be cached (RFC 6749 section 5.1); v1 also returned an {@code id_token}. */
    private Reply tokenReply(Tokens.Token token, String idToken, long expiresIn) {
        return Reply.json(200, json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("access_token", token.value);
            if (idToken != null) {
                g.writeStringField("id_token", idToken);
            }
            g.writeStringField("token_type", "Bearer");
            g.writeNumberField("expires_in", expiresIn);
            g.writeEndObject();
        })).header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}
