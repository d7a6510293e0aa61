package io.github.camelmapiq.simulator;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps API paths to operations: the two token endpoints, the v2 resources and the nine v1
 * endpoints of the migration guide. Unknown paths answer 404 before any authentication.
 */
final class ApiRoutes {

    static final String TOKEN_PATH = "/api/public/oauth2/token";
    static final String V1_TOKEN_PATH = "/auth/token";
    static final String V1_SCOPE_SHIFTS = "https://mapiqprod.onmicrosoft.com/api/shifts/Default";

    private static final String RESERVATION_PREFIX = "/v2/reservations/workspaces/";

    private final Engine engine;

    ApiRoutes(Engine engine) {
        this.engine = engine;
    }

    static boolean isTokenPath(String path) {
        return path.equals(TOKEN_PATH) || path.equals(V1_TOKEN_PATH);
    }

    Reply route(HttpExchange ex, String method, String path) {
        try {
            if (path.equals(TOKEN_PATH)) {
                return v2Token(ex, method);
            }
            if (path.equals(V1_TOKEN_PATH)) {
                return v1Token(ex, method);
            }
            if (path.startsWith("/v2/")) {
                return v2(ex, method, path);
            }
            return v1(ex, method, path);
        } catch (ApiException e) {
            return engine.problemReply(e);
        }
    }

    private static void allow(String method, String path, String... allowed) {
        for (String a : allowed) {
            if (a.equals(method)) {
                return;
            }
        }
        throw ApiException.methodNotAllowed(method, path, String.join(", ", allowed));
    }

    // ---- v2 --------------------------------------------------------------------------------

    private Reply v2(HttpExchange ex, String method, String path) {
        Resource listed = switch (path) {
            case "/v2/users" -> Resource.USERS;
            case "/v2/spaces/buildings" -> Resource.BUILDINGS;
            case "/v2/spaces/parking-lots" -> Resource.PARKING_LOTS;
            case "/v2/workdays" -> Resource.WORKDAYS;
            case "/v2/reservations/workspaces" -> Resource.WORKSPACE_RESERVATIONS;
            case "/v2/reservations/parking-spots" -> Resource.PARKING_RESERVATIONS;
            case "/v2/user-locations/checkin-events" -> Resource.CHECKIN_EVENTS;
            case "/v2/user-locations/checkin-statuses" -> Resource.CHECKIN_STATUSES;
            default -> null;
        };
        if (listed == Resource.CHECKIN_EVENTS) {
            allow(method, path, "GET", "POST");
            Tokens.Token t = engine.authenticate(ex, false);
            if (method.equals("POST")) {
                Engine.require(t, "checkins.write");
                return engine.postCheckin(ex, false, path);
            }
            Engine.require(t, "checkins.read");
            return engine.list(listed, Engine.query(ex), false);
        }
        if (listed != null) {
            allow(method, path, "GET");
            Tokens.Token t = engine.authenticate(ex, false);
            Engine.require(t, permission(listed));
            return engine.list(listed, Engine.query(ex), false);
        }
        if (path.equals("/v2/occupancy")) {
            allow(method, path, "POST");
            Tokens.Token t = engine.authenticate(ex, false);
            Engine.require(t, "occupancy.write");
            return engine.postOccupancy(ex);
        }
        if (path.startsWith(RESERVATION_PREFIX) && path.length() > RESERVATION_PREFIX.length()
                && path.indexOf('/', RESERVATION_PREFIX.length()) < 0) {
            String id = URLDecoder.decode(path.substring(RESERVATION_PREFIX.length()), StandardCharsets.UTF_8);
            allow(method, path, "GET", "DELETE");
            Tokens.Token t = engine.authenticate(ex, false);
            if (method.equals("DELETE")) {
                Engine.require(t, "reservations.delete");
                return engine.deleteWorkspaceReservation(id);
            }
            Engine.require(t, "reservations.read");
            Model.Rec r = engine.store.workspaceReservations.get(id);
            if (r == null) {
                throw ApiException.notFound("No workspace reservation with id '" + id + "' exists.");
            }
            return engine.record(200, r, false);
        }
        throw ApiException.notFound("No resource at " + path + ".");
    }

    static String permission(Resource r) {
        return switch (r) {
            case USERS -> "users.read";
            case BUILDINGS, PARKING_LOTS -> "spaces.read";
            case WORKDAYS -> "workdays.read";
            case WORKSPACE_RESERVATIONS, PARKING_RESERVATIONS -> "reservations.read";
            case CHECKIN_EVENTS, CHECKIN_STATUSES -> "checkins.read";
        };
    }

    // ---- v1 --------------------------------------------------------------------------------

    private Reply v1(HttpExchange ex, String method, String path) {
        Resource listed = switch (path) {
            case "/shifts/users" -> Resource.USERS;
            case "/shifts/registrations" -> Resource.WORKSPACE_RESERVATIONS;
            case "/shifts/buildings" -> Resource.BUILDINGS;
            case "/localization/admin/checkin/events" -> Resource.CHECKIN_EVENTS;
            case "/localization/admin/checkin/statuses" -> Resource.CHECKIN_STATUSES;
            case "/parkinglots" -> Resource.PARKING_LOTS;
            case "/parkingReservations" -> Resource.PARKING_RESERVATIONS;
            default -> null;
        };
        boolean post = path.equals("/localization/admin/checkin");
        if (listed == null && !post) {
            throw ApiException.notFound("No resource at " + path + ".");
        }
        if (post) {
            allow(method, path, "POST");
        } else if (listed == Resource.WORKSPACE_RESERVATIONS) {
            allow(method, path, "GET", "DELETE");
        } else {
            allow(method, path, "GET");
        }
        String refusal = apiKeyRefusal(ex);
        if (refusal != null) {
            throw ApiException.unauthorized(refusal);
        }
        Tokens.Token t = engine.authenticate(ex, true);
        if (post) {
            Engine.require(t, "checkins.write");
            return engine.postCheckin(ex, true, "/localization/admin/checkin/events");
        }
        if (method.equals("DELETE")) {
            Engine.require(t, "reservations.delete");
            return engine.deleteWorkspaceReservation(Engine.param(Engine.query(ex), "id"));
        }
        Engine.require(t, permission(listed));
        return engine.list(listed, Engine.query(ex), true);
    }

    // ---- token endpoints -------------------------------------------------------------------

    private static Map<String, String> form(HttpExchange ex) {
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw ApiException.oauth(400, "invalid_request",
                    "The content-type must be application/x-www-form-urlencoded.");
        }
        try {
            return Engine.form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String need(Map<String, String> f, String name) {
        String v = Engine.param(f, name);
        if (v == null) {
            throw ApiException.oauth(400, "invalid_request", "The " + name + " parameter is required.");
        }
        return v;
    }

    private Reply v2Token(HttpExchange ex, String method) {
        if (!method.equals("POST")) {
            throw ApiException.tokenMethodNotAllowed();
        }
        Map<String, String> f = form(ex);
        String grant = need(f, "grant_type");
        if (!grant.equals("client_credentials")) {
            throw ApiException.oauth(400, "unsupported_grant_type",
                    "The grant_type '" + grant + "' is not supported; use client_credentials.");
        }
        String clientId = Engine.param(f, "client_id");
        String secret = Engine.param(f, "client_secret");
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
        Tokens.Client client = engine.tokens.client(clientId);
        if (client == null || !client.secret().equals(secret)) {
            throw ApiException.oauth(401, "invalid_client", "Client authentication failed: unknown client_id or wrong"
                    + " client_secret.");
        }
        String scope = need(f, "scope");
        if (!scope.equals(MapiqSimulator.SCOPE)) {
            throw ApiException.oauth(400, "invalid_scope", "The scope '" + scope + "' is not valid; use "
                    + MapiqSimulator.SCOPE + ".");
        }
        Tokens.Token t = engine.tokens.issue(client.id(), client.permissions(), false);
        return tokenReply(t, null, engine.settings.tokenLifetime.toSeconds());
    }

    private Reply v1Token(HttpExchange ex, String method) {
        if (!method.equals("POST")) {
            throw ApiException.tokenMethodNotAllowed();
        }
        String refusal = apiKeyRefusal(ex);
        if (refusal != null) {
            throw ApiException.oauth(401, "invalid_client", refusal);
        }
        Map<String, String> f = form(ex);
        String grant = need(f, "grant_type");
        if (!grant.equals("password")) {
            throw ApiException.oauth(400, "unsupported_grant_type",
                    "The grant_type '" + grant + "' is not supported; use password.");
        }
        String clientId = need(f, "client_id");
        if (!clientId.equals(MapiqSimulator.V1_CLIENT_ID)) {
            throw ApiException.oauth(401, "invalid_client", "The client_id '" + clientId + "' is unknown.");
        }
        String scope = need(f, "scope");
        List<String> scopes = Arrays.asList(scope.split("\\s+"));
        if (!scopes.contains("openid") || !scopes.contains(V1_SCOPE_SHIFTS)) {
            throw ApiException.oauth(400, "invalid_scope", "The scope must be 'openid " + V1_SCOPE_SHIFTS + "'.");
        }
        String responseType = need(f, "response_type");
        if (!Arrays.asList(responseType.split("\\s+")).contains("token")) {
            throw ApiException.oauth(400, "invalid_request", "The response_type must be 'token id_token'.");
        }
        String user = need(f, "username");
        String password = need(f, "password");
        if (!user.equals(MapiqSimulator.V1_USERNAME) || !password.equals(MapiqSimulator.V1_PASSWORD)) {
            throw ApiException.oauth(400, "invalid_grant", "The username or password is incorrect.");
        }
        Tokens.Token t = engine.tokens.issue(clientId, Tokens.ALL_PERMISSIONS, true);
        long expiresIn = engine.settings.tokenLifetime.toSeconds();
        long now = engine.settings.clock.instant().getEpochSecond();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String idToken = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(("{\"sub\":\"" + user + "\",\"aud\":\"" + clientId + "\",\"iat\":" + now
                        + ",\"exp\":" + (now + expiresIn) + ",\"iss\":\"mapiq-simulator\"}")
                        .getBytes(StandardCharsets.UTF_8)) + ".";
        return tokenReply(t, idToken, expiresIn);
    }

    /** Why the request's {@code mapiq-api-key} header is refused, or {@code null} when it holds the v1 key. */
    private static String apiKeyRefusal(HttpExchange ex) {
        String key = ex.getRequestHeaders().getFirst("mapiq-api-key");
        if (MapiqSimulator.V1_API_KEY.equals(key)) {
            return null;
        }
        return key == null ? "The mapiq-api-key header is missing." : "The mapiq-api-key header is not valid.";
    }

    /** A token response, which must not be cached (RFC 6749 section 5.1); v1 also returned an {@code id_token}. */
    private Reply tokenReply(Tokens.Token token, String idToken, long expiresIn) {
        return Reply.json(200, engine.json(g -> {
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
