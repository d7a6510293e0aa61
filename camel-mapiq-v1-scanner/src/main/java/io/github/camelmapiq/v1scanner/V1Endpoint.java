package io.github.camelmapiq.v1scanner;

import java.util.Arrays;
import java.util.List;

/**
 * The endpoints of the retired v1 API listed by Mapiq's migration guide, each with the v2 call and the {@code mapiq:}
 * URI that replace it. One table feeds the route scanner and the migration documentation, so they cannot disagree.
 * Uses nothing beyond the JDK: {@link V1RouteScanner} runs from its own jar alone.
 */
public enum V1Endpoint {

    TOKEN("POST", "/auth/token", "POST https://account.mapiq.com/api/public/oauth2/token", null,
          "ROPC (username, password, mapiq-api-key) is replaced by client credentials: set clientId and clientSecret "
                                                                                               + "on the mapiq component; it fetches and renews tokens itself, so the route needs no token call."),
    USERS("GET", "/shifts/users", "GET /v2/users", "mapiq:users",
          "Small changes in the JSON representation; a v2 user also has externalId (the SSO employee id) and "
          + "licensePlate."),
    REGISTRATIONS("GET", "/shifts/registrations", "GET /v2/reservations/workspaces",
                  "mapiq:workspace-reservations?operation=list",
                  "A reservation has startTime and endTime instead of date (outputFormat=v1 renders date); consider "
                                                                  + "mapiq:workdays for who is at the office."),
    DELETE_REGISTRATION("DELETE", "/shifts/registrations", "DELETE /v2/reservations/workspaces/{id}",
                        "mapiq:workspace-reservations?operation=delete",
                        "No change in behaviour; the reservation id (v1 query parameter id) goes in header "
                        + "CamelMapiqRecordId or the body."),
    BUILDINGS("GET", "/shifts/buildings", "GET /v2/spaces/buildings", "mapiq:buildings",
              "Small changes in the JSON representation; only published spaces are returned."),
    CHECKIN_EVENTS("GET", "/localization/admin/checkin/events", "GET /v2/user-locations/checkin-events",
                   "mapiq:checkin-events?operation=list",
                   "Slightly different JSON representation, in line with the other v2 resources."),
    CHECKIN_STATUSES("GET", "/localization/admin/checkin/statuses", "GET /v2/user-locations/checkin-statuses",
                     "mapiq:checkin-statuses",
                     "Slightly different JSON representation, in line with the other v2 resources."),
    POST_CHECKIN("POST", "/localization/admin/checkin", "POST /v2/user-locations/checkin-events",
                 "mapiq:checkin-events?operation=create",
                 "No change in behaviour or representation; the component validates the event before sending."),
    PARKING_LOTS("GET", "/parkinglots", "GET /v2/spaces/parking-lots", "mapiq:parking-lots",
                 "Small changes in the JSON representation; only the published version of each lot is returned."),
    PARKING_RESERVATIONS("GET", "/parkingReservations", "GET /v2/reservations/parking-spots",
                         "mapiq:parking-reservations?operation=list",
                         "A reservation has startTime and endTime instead of date (outputFormat=v1 renders date).");

    /** Query parameters of v1 list calls that keep their name and meaning as {@code mapiq:} options. */
    public static final List<String> CARRIED_QUERY_PARAMETERS
            = List.of("startDate", "endDate", "userId", "buildingId", "parkingLotId");

    private final String method;
    private final String path;
    private final String v2Call;
    private final String mapiqUri;
    private final String changes;

    V1Endpoint(String method, String path, String v2Call, String mapiqUri, String changes) {
        this.method = method;
        this.path = path;
        this.v2Call = v2Call;
        this.mapiqUri = mapiqUri;
        this.changes = changes;
    }

    /** HTTP method of the v1 call. */
    public String method() {
        return method;
    }

    /** Path of the v1 call under {@code https://api.mapiq.com}. */
    public String path() {
        return path;
    }

    /** The v2 call that replaces it, as the migration guide names it. */
    public String v2Call() {
        return v2Call;
    }

    /** The {@code mapiq:} URI that replaces the call; {@code null} when no route call is needed (the token). */
    public String mapiqUri() {
        return mapiqUri;
    }

    /** What changes for the data or the route. */
    public String changes() {
        return changes;
    }

    /**
     * The v1 endpoints served on the longest v1 path that {@code path} is or lies under (two for
     * {@code /shifts/registrations}: GET, then DELETE); empty when the path is not a v1 path.
     */
    public static List<V1Endpoint> onPath(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String longest = null;
        for (V1Endpoint e : values()) {
            boolean under = normalized.equalsIgnoreCase(e.path)
                            || normalized.regionMatches(true, 0, e.path + "/", 0, e.path.length() + 1);
            if (under && (longest == null || e.path.length() > longest.length())) {
                longest = e.path;
            }
        }
        String found = longest;
        return Arrays.stream(values()).filter(e -> e.path.equals(found)).toList();
    }
}
