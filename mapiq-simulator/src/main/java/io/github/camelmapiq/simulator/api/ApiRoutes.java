package io.github.camelmapiq.simulator.api;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.Model;
import io.github.camelmapiq.simulator.data.RecordFactory;
import io.github.camelmapiq.simulator.data.Resource;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Handler;
import io.github.camelmapiq.simulator.http.Json;
import io.github.camelmapiq.simulator.http.Problems;
import io.github.camelmapiq.simulator.http.Reply;
import io.github.camelmapiq.simulator.http.Requests;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Maps API paths to operations: the two token endpoints, the v2 resources and the nine v1
 * endpoints of the migration guide. Unknown paths answer 404 before any authentication.
 */
public final class ApiRoutes implements Handler {

    private static final String RESERVATION_PREFIX = "/v2/reservations/workspaces/";

    private final Authenticator auth;
    private final TokenEndpoints tokenEndpoints;
    private final RecordLister lister;
    private final CheckinPosting checkins;
    private final OccupancyIngest occupancy;
    private final ReservationDeletion deletion;
    private final DataStore store;
    private final RecordReplies replies;
    private final Problems problems;

    /** The API over this data, these settings, clients and tokens; accepted writes go to {@code log}. */
    public ApiRoutes(DataStore store, RecordFactory records, Settings settings, Tokens tokens, RateLimiter limiter,
            WriteLog log, Json json, Problems problems) {
        this.auth = new Authenticator(tokens, limiter, settings);
        this.tokenEndpoints = new TokenEndpoints(tokens, settings, json);
        this.replies = new RecordReplies(json);
        this.lister = new RecordLister(store, settings, replies);
        this.checkins = new CheckinPosting(store, records, settings, log, json, replies);
        this.occupancy = new OccupancyIngest(log, json);
        this.deletion = new ReservationDeletion(store, log);
        this.store = store;
        this.problems = problems;
    }

    @Override
    public Reply handle(HttpExchange ex, String method, String path) {
        try {
            if (path.equals(Credentials.TOKEN_PATH)) {
                return tokenEndpoints.v2Token(ex, method);
            }
            if (path.equals(Credentials.V1_TOKEN_PATH)) {
                return tokenEndpoints.v1Token(ex, method);
            }
            if (path.startsWith("/v2/")) {
                return v2(ex, method, path);
            }
            return v1(ex, method, path);
        } catch (ApiException e) {
            return problems.reply(e);
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
            Tokens.Token t = auth.authenticate(ex, false);
            if (method.equals("POST")) {
                Authenticator.require(t, "checkins.write");
                return checkins.post(ex, false, path);
            }
            Authenticator.require(t, "checkins.read");
            return lister.list(listed, Requests.query(ex), false);
        }
        if (listed != null) {
            allow(method, path, "GET");
            auth.authorize(ex, false, permission(listed));
            return lister.list(listed, Requests.query(ex), false);
        }
        if (path.equals("/v2/occupancy")) {
            allow(method, path, "POST");
            auth.authorize(ex, false, "occupancy.write");
            return occupancy.post(ex);
        }
        if (path.startsWith(RESERVATION_PREFIX) && path.length() > RESERVATION_PREFIX.length()
                && path.indexOf('/', RESERVATION_PREFIX.length()) < 0) {
            String id = URLDecoder.decode(path.substring(RESERVATION_PREFIX.length()), StandardCharsets.UTF_8);
            allow(method, path, "GET", "DELETE");
            Tokens.Token t = auth.authenticate(ex, false);
            if (method.equals("DELETE")) {
                Authenticator.require(t, "reservations.delete");
                return deletion.delete(id);
            }
            Authenticator.require(t, "reservations.read");
            Model.Rec r = store.get(Resource.WORKSPACE_RESERVATIONS, id);
            if (r == null) {
                throw ApiException.notFound("No workspace reservation with id '" + id + "' exists.");
            }
            return replies.record(200, r, false);
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
        String refusal = TokenEndpoints.apiKeyRefusal(ex);
        if (refusal != null) {
            throw ApiException.unauthorized(refusal);
        }
        Tokens.Token t = auth.authenticate(ex, true);
        if (post) {
            Authenticator.require(t, "checkins.write");
            return checkins.post(ex, true, "/localization/admin/checkin/events");
        }
        if (method.equals("DELETE")) {
            Authenticator.require(t, "reservations.delete");
            return deletion.delete(Requests.param(Requests.query(ex), "id"));
        }
        Authenticator.require(t, permission(listed));
        return lister.list(listed, Requests.query(ex), true);
    }
}
