package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.Model.CheckinEvent;
import io.github.camelmapiq.simulator.Model.CheckinStatus;
import io.github.camelmapiq.simulator.Model.Dated;
import io.github.camelmapiq.simulator.Model.ParkingLot;
import io.github.camelmapiq.simulator.Model.ParkingReservation;
import io.github.camelmapiq.simulator.Model.Rec;
import io.github.camelmapiq.simulator.Model.Workday;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The simulator's state and the API operations shared by v1 and v2: listing with filters and
 * paging, posting check-ins and occupancy, deleting reservations, authenticating calls.
 */
final class Engine {

    static final int MAX_RANGE_DAYS = 31;
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    final Settings settings;
    final DataStore store;
    final Tokens tokens;
    final RateLimiter limiter = new RateLimiter();
    final Faults faults = new Faults();
    final Stats stats = new Stats();
    final ObjectMapper mapper = new ObjectMapper();
    private final ConcurrentHashMap<String, Instant> lastCheckin = new ConcurrentHashMap<>();

    Engine(Settings settings, DataStore store) {
        this.settings = settings;
        this.store = store;
        this.tokens = new Tokens(settings);
    }

    // ---- request helpers -------------------------------------------------------------------

    static Map<String, String> query(HttpExchange ex) {
        return form(ex.getRequestURI().getRawQuery());
    }

    static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    static String param(Map<String, String> q, String name) {
        String v = q.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Checks the bearer token of an API call; v1 and v2 tokens are not interchangeable. */
    Tokens.Token authenticate(HttpExchange ex, boolean v1) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || h.isBlank()) {
            throw ApiException.unauthorized("The request has no bearer token.");
        }
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("The Authorization header is not a Bearer token.");
        }
        Tokens.Token t = tokens.find(h.substring(7).trim());
        if (t == null || t.v1 != v1) {
            throw ApiException.unauthorized("The access token is unknown.");
        }
        if (t.revoked) {
            throw ApiException.unauthorized("The access token has been revoked.");
        }
        if (tokens.expired(t)) {
            throw ApiException.unauthorized("The access token expired at " + t.expiresAt + ".");
        }
        int wait = limiter.acquire(t.clientId, settings.rateLimitPerSecond);
        if (wait > 0) {
            throw ApiException.tooManyRequests(wait, "The client application '" + t.clientId + "' exceeded "
                    + settings.rateLimitPerSecond + " requests per second.");
        }
        return t;
    }

    static void require(Tokens.Token t, String permission) {
        if (!t.permissions.contains(permission)) {
            throw ApiException.forbidden(permission);
        }
    }

    // ---- JSON output -----------------------------------------------------------------------

    interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    byte[] json(JsonBody body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        writeJson(out, body);
        return out.toByteArray();
    }

    void writeJson(OutputStream out, JsonBody body) {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Reply record(int status, Rec rec, boolean v1) {
        return Reply.json(status, json(g -> {
            Out o = new Out.Json(g);
            if (v1) {
                V1Shapes.write(rec, o);
            } else {
                V2Shapes.write(rec, o);
            }
        }));
    }

    byte[] problem(ApiException e) {
        String trace = traceId();
        return json(g -> {
            g.writeStartObject();
            if (e.oauthError != null) {
                g.writeStringField("error", e.oauthError);
                g.writeStringField("error_description", e.getMessage());
            } else {
                g.writeStringField("type", ApiException.typeFor(e.status));
                g.writeStringField("title", e.title == null ? ApiException.titleFor(e.status) : e.title);
                g.writeNumberField("status", e.status);
                g.writeStringField("detail", e.getMessage());
                g.writeStringField("traceId", trace);
                if (e.errors != null) {
                    g.writeObjectField("errors", e.errors);
                }
            }
            g.writeEndObject();
        });
    }

    Reply problemReply(ApiException e) {
        Reply r = Reply.bytes(e.status, e.oauthError != null ? "application/json; charset=utf-8"
                : "application/problem+json; charset=utf-8", problem(e));
        e.headers.forEach(r::header);
        if (e.oauthError != null) {
            r.header("Cache-Control", "no-store");
        }
        return r;
    }

    static String traceId() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("00-%016x%016x-%016x-00", r.nextLong(), r.nextLong(), r.nextLong());
    }

    // ---- lists -----------------------------------------------------------------------------

    private static LocalDate date(Map<String, String> q, String name, Map<String, List<String>> errors) {
        String v = param(q, name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.computeIfAbsent(name, k -> new ArrayList<>())
                    .add("The value '" + v + "' is not a valid date; use yyyy-MM-dd.");
            return null;
        }
    }

    private static String fingerprint(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }

    private static String encodeCursor(String fp, Tables.Cursor c) {
        String raw = fp + "." + c.day() + "." + c.time() + "." + c.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static Tables.Cursor decodeCursor(String token, String fp) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] p = raw.split("\\.", 4);
            if (p.length != 4 || !p[0].equals(fp)) {
                return null;
            }
            return new Tables.Cursor(Long.parseLong(p[1]), Long.parseLong(p[2]), p[3]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Tables.Cursor cursorOf(Rec r) {
        if (r instanceof Dated d) {
            return new Tables.Cursor(d.day(), d.sortTime(), d.id());
        }
        return new Tables.Cursor(0, 0, r.id());
    }

    /**
     * A list call: validates the query (400 naming each bad field), applies retention (data before
     * today - retentionDays is silently left out), filters, and answers a page, or a bare array of
     * everything for v1 and in bare-array mode.
     */
    Reply list(Resource r, Map<String, String> q, boolean v1) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        boolean all = v1 || settings.bareArrays;
        int pageSize = DEFAULT_PAGE_SIZE;
        String ps = param(q, "pageSize");
        if (!all && ps != null) {
            try {
                pageSize = Integer.parseInt(ps);
            } catch (NumberFormatException e) {
                pageSize = -1;
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                errors.put("pageSize", List.of("The value '" + ps + "' is not valid; pageSize must be an integer from 1 to "
                        + MAX_PAGE_SIZE + "."));
            }
        }
        String userId = param(q, "userId");
        String buildingId = param(q, "buildingId");
        String lotId = r == Resource.PARKING_RESERVATIONS ? param(q, "parkingLotId") : null;
        String status = null;
        if (r == Resource.WORKDAYS && param(q, "status") != null) {
            status = DataStore.canonical(DataStore.WORKDAY_STATUSES, param(q, "status"));
            if (status == null) {
                errors.put("status", List.of("The value '" + param(q, "status")
                        + "' is not valid; use Office, Remote or NotWorking."));
            }
        }
        long fromDay = 0;
        long toDay = 0;
        if (r.dated) {
            LocalDate start = date(q, "startDate", errors);
            LocalDate end = date(q, "endDate", errors);
            if (start == null && !errors.containsKey("startDate")) {
                errors.put("startDate", List.of("The startDate field is required."));
            }
            if (start != null && end == null && !errors.containsKey("endDate")) {
                end = start;
            }
            if (start != null && end != null) {
                if (end.isBefore(start)) {
                    errors.put("endDate", List.of("endDate " + end + " is before startDate " + start + "."));
                } else if (end.toEpochDay() - start.toEpochDay() + 1 > MAX_RANGE_DAYS) {
                    errors.put("endDate", List.of("The range " + start + ".." + end + " spans "
                            + (end.toEpochDay() - start.toEpochDay() + 1) + " days; at most " + MAX_RANGE_DAYS
                            + " are allowed."));
                }
                fromDay = start.toEpochDay();
                toDay = end.toEpochDay();
            }
        }
        String fp = fingerprint(r.name + "|" + fromDay + "|" + toDay + "|" + userId + "|" + buildingId + "|" + lotId
                + "|" + status);
        Tables.Cursor after = null;
        String token = param(q, "continuationToken");
        if (!all && token != null) {
            after = decodeCursor(token, fp);
            if (after == null) {
                errors.put("continuationToken",
                        List.of("The continuation token is invalid or belongs to another query."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        long minDay = LocalDate.now(settings.clock).toEpochDay() - settings.retentionDays;
        long effectiveFrom = Math.max(fromDay, minDay);
        int limit = all ? Integer.MAX_VALUE : pageSize + 1;
        List<? extends Rec> rows = fetch(r, effectiveFrom, toDay, after, userId, buildingId, lotId, status, limit);
        String next = null;
        if (!all && rows.size() > pageSize) {
            rows = rows.subList(0, pageSize);
            next = encodeCursor(fp, cursorOf(rows.get(rows.size() - 1)));
        }
        return render(rows, all, next, v1);
    }

    private List<? extends Rec> fetch(Resource r, long from, long to, Tables.Cursor after, String userId,
            String buildingId, String lotId, String status, int limit) {
        switch (r) {
            case USERS:
                return store.users.page(after, x -> true, limit);
            case BUILDINGS:
                return store.buildings.page(after, x -> true, limit);
            case PARKING_LOTS:
                return store.parkingLots.page(after, l -> buildingId == null || l.buildingIds().contains(buildingId),
                        limit);
            case WORKDAYS: {
                Predicate<Workday> f = w -> (userId == null || userId.equals(w.userId()))
                        && (buildingId == null || buildingId.equals(w.buildingId()))
                        && (status == null || status.equals(w.status()));
                return store.workdays.page(from, to, after, f, limit);
            }
            case WORKSPACE_RESERVATIONS:
                return store.workspaceReservations.page(from, to, after,
                        w -> (userId == null || userId.equals(w.userId()))
                                && (buildingId == null || buildingId.equals(w.buildingId())), limit);
            case PARKING_RESERVATIONS: {
                Set<String> lots = null;
                if (buildingId != null) {
                    lots = new HashSet<>();
                    for (ParkingLot l : store.parkingLots.all()) {
                        if (l.buildingIds().contains(buildingId)) {
                            lots.add(l.id());
                        }
                    }
                }
                Set<String> lotsOfBuilding = lots;
                Predicate<ParkingReservation> f = p -> (userId == null || userId.equals(p.userId()))
                        && (lotId == null || lotId.equals(p.parkingLotId()))
                        && (lotsOfBuilding == null || lotsOfBuilding.contains(p.parkingLotId()));
                return store.parkingReservations.page(from, to, after, f, limit);
            }
            case CHECKIN_EVENTS:
                return store.checkinEvents.page(from, to, after,
                        e -> (userId == null || userId.equals(e.userId()))
                                && (buildingId == null || buildingId.equals(e.buildingId())), limit);
            case CHECKIN_STATUSES: {
                List<CheckinStatus> out = new ArrayList<>();
                var source = after == null ? store.latestEvent.values()
                        : store.latestEvent.tailMap(after.id(), false).values();
                for (CheckinEvent e : source) {
                    if ((userId == null || userId.equals(e.userId()))
                            && (buildingId == null || buildingId.equals(e.buildingId()))) {
                        out.add(CheckinStatus.of(e));
                        if (out.size() >= limit) {
                            break;
                        }
                    }
                }
                return out;
            }
            default:
                throw new IllegalStateException(r.name);
        }
    }

    private Reply render(List<? extends Rec> rows, boolean bare, String next, boolean v1) {
        JsonBody body = g -> {
            Out o = new Out.Json(g);
            if (bare) {
                g.writeStartArray();
            } else {
                g.writeStartObject();
                g.writeArrayFieldStart("items");
            }
            for (Rec rec : rows) {
                if (v1) {
                    V1Shapes.write(rec, o);
                } else {
                    V2Shapes.write(rec, o);
                }
            }
            g.writeEndArray();
            if (!bare) {
                if (next == null) {
                    g.writeNullField("continuationToken");
                } else {
                    g.writeStringField("continuationToken", next);
                }
                g.writeEndObject();
            }
        };
        if (rows.size() <= 2000) {
            return Reply.json(200, json(body));
        }
        return Reply.streamed(200, "application/json; charset=utf-8", out -> writeJson(out, body));
    }

    // ---- writes ----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    Object readJson(HttpExchange ex) {
        try {
            byte[] bytes = ex.getRequestBody().readAllBytes();
            if (bytes.length == 0) {
                throw ApiException.field("body", "A JSON body is required.");
            }
            return mapper.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw ApiException.field("body", "The body is not valid JSON: "
                    + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }

    private static String oneOf(Map<String, Object> body, String field, Set<String> allowed,
            Map<String, List<String>> errors) {
        Object v = body.get(field);
        if (v == null || v.toString().isBlank()) {
            errors.put(field, List.of("The " + field + " field is required."));
            return null;
        }
        String c = DataStore.canonical(allowed, v.toString());
        if (c == null) {
            errors.put(field, List.of("The value '" + v + "' is not valid; use one of " + new java.util.TreeSet<>(allowed)
                    + "."));
        }
        return c;
    }

    /** POST a check-in event: validated, throttled per user, stored, logged; answers 201 with the event. */
    @SuppressWarnings("unchecked")
    Reply postCheckin(HttpExchange ex, boolean v1, String locationPrefix) {
        Object parsed = readJson(ex);
        if (!(parsed instanceof Map)) {
            throw ApiException.field("body", "The body must be a JSON object.");
        }
        Map<String, Object> body = (Map<String, Object>) parsed;
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Object userId = body.get("userId");
        if (userId == null || userId.toString().isBlank()) {
            errors.put("userId", List.of("The userId field is required."));
        } else if (store.users.get(userId.toString()) == null) {
            errors.put("userId", List.of("No user with id '" + userId + "' exists."));
        }
        Object buildingId = body.get("buildingId");
        if (buildingId == null || buildingId.toString().isBlank()) {
            errors.put("buildingId", List.of("The buildingId field is required."));
        } else if (store.buildings.get(buildingId.toString()) == null) {
            errors.put("buildingId", List.of("No building with id '" + buildingId + "' exists."));
        }
        String eventType = oneOf(body, "eventType", DataStore.EVENT_TYPES, errors);
        String source = oneOf(body, "source", DataStore.SOURCES, errors);
        Object ts = body.get("timestamp");
        Instant timestamp = settings.clock.instant();
        if (ts != null) {
            timestamp = Times.parseInstant(ts.toString());
            if (timestamp == null) {
                errors.put("timestamp", List.of("The value '" + ts + "' is not an ISO-8601 date-time."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        Duration window = settings.checkinThrottle;
        Instant now = settings.clock.instant();
        String user = userId.toString();
        if (!window.isZero() && !window.isNegative()) {
            Instant[] refused = new Instant[1];
            lastCheckin.compute(user, (k, last) -> {
                if (last != null && now.isBefore(last.plus(window))) {
                    refused[0] = last;
                    return last;
                }
                return now;
            });
            if (refused[0] != null) {
                long wait = Duration.between(now, refused[0].plus(window)).toMillis();
                throw ApiException.tooManyRequests((int) Math.max(1, (wait + 999) / 1000),
                        "Check-in events for user '" + user + "' may be posted at most once per "
                                + window.toSeconds() + " seconds.");
            }
        }
        Map<String, Object> rec = new LinkedHashMap<>(body);
        rec.put("id", null);
        rec.put("eventType", eventType);
        rec.put("source", source);
        rec.put("timestamp", timestamp.toString());
        CheckinEvent e = (CheckinEvent) store.create(Resource.CHECKIN_EVENTS, rec);
        store.putEvent(e);
        stats.checkins.add(DataStore.toMap(e));
        return record(201, e, v1).header("Location", locationPrefix + "/" + e.id());
    }

    /** POST occupancy readings: an array of {spaceId, timestamp, occupancy >= 0}; answers 202. */
    @SuppressWarnings("unchecked")
    Reply postOccupancy(HttpExchange ex) {
        Object parsed = readJson(ex);
        if (!(parsed instanceof List)) {
            throw ApiException.field("body", "The body must be a JSON array of readings.");
        }
        List<Object> list = (List<Object>) parsed;
        if (list.isEmpty()) {
            throw ApiException.field("body", "At least one reading is required.");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<Map<String, Object>> accepted = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "[" + i + "].";
            if (!(list.get(i) instanceof Map)) {
                errors.put("[" + i + "]", List.of("A reading must be a JSON object."));
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) list.get(i);
            Object space = m.get("spaceId");
            if (space == null || space.toString().isBlank()) {
                errors.put(at + "spaceId", List.of("The spaceId field is required."));
            }
            Object ts = m.get("timestamp");
            Instant t = ts == null ? null : Times.parseInstant(ts.toString());
            if (t == null) {
                errors.put(at + "timestamp", List.of(ts == null ? "The timestamp field is required."
                        : "The value '" + ts + "' is not an ISO-8601 date-time."));
            }
            Object occ = m.get("occupancy");
            if (!(occ instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.floor(n.doubleValue())) {
                errors.put(at + "occupancy", List.of("The occupancy must be a whole number of at least 0."));
            } else if (space != null && t != null) {
                Map<String, Object> reading = new LinkedHashMap<>(m);
                reading.put("spaceId", space.toString());
                reading.put("timestamp", ts.toString());
                reading.put("occupancy", n.longValue());
                accepted.add(reading);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        stats.readings.addAll(accepted);
        int n = accepted.size();
        return Reply.json(202, json(g -> {
            g.writeStartObject();
            g.writeNumberField("accepted", n);
            g.writeEndObject();
        }));
    }

    Reply deleteWorkspaceReservation(String id) {
        if (id == null || id.isBlank()) {
            throw ApiException.field("id", "The id of the reservation is required.");
        }
        if (store.workspaceReservations.remove(id) == null) {
            throw ApiException.notFound("No workspace reservation with id '" + id + "' exists.");
        }
        stats.deletions.add(id);
        return Reply.empty(204);
    }
}
