package io.github.camelmapiq.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.Model.Rec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The control plane over HTTP under {@code /_simulator}: the {@link SimulatorControl} operations
 * with JSON bodies, for tools and tests outside the JVM. No authentication: it is a dev tool.
 */
final class ControlHttp {

    private final Engine engine;
    private final ControlImpl control;
    private final MapiqSimulator simulator;

    ControlHttp(Engine engine, ControlImpl control, MapiqSimulator simulator) {
        this.engine = engine;
        this.control = control;
        this.simulator = simulator;
    }

    Reply handle(HttpExchange ex, String method, String path) {
        try {
            return dispatch(ex, method, path);
        } catch (ApiException e) {
            return engine.problemReply(e);
        } catch (NoSuchElementException e) {
            return engine.problemReply(ApiException.notFound(e.getMessage()));
        } catch (UnsupportedOperationException e) {
            return engine.problemReply(ApiException.problem(405, "Method Not Allowed", e.getMessage()));
        } catch (BadRecordException e) {
            return engine.problemReply(ApiException.field(e.field, e.bare()));
        } catch (IllegalArgumentException e) {
            return engine.problemReply(ApiException.problem(400, "Bad Request", e.getMessage()));
        }
    }

    private Reply ok(Object value) {
        return Reply.json(200, engine.json(g -> g.writeObject(value)));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(HttpExchange ex) {
        Object o = engine.readJson(ex);
        if (!(o instanceof Map)) {
            throw ApiException.field("body", "The body must be a JSON object.");
        }
        return (Map<String, Object>) o;
    }

    private Reply dispatch(HttpExchange ex, String method, String path) {
        String rest = path.substring("/_simulator".length());
        if (rest.endsWith("/") && rest.length() > 1) {
            rest = rest.substring(0, rest.length() - 1);
        }
        String[] p = rest.isEmpty() ? new String[0] : rest.substring(1).split("/");
        for (int i = 0; i < p.length; i++) {
            p[i] = URLDecoder.decode(p[i], StandardCharsets.UTF_8);
        }
        if (p.length == 0 || p[0].isEmpty()) {
            return ok(info());
        }
        switch (p[0]) {
            case "data":
                return data(ex, method, p);
            case "tokens":
                if (p.length == 1 && method.equals("GET")) {
                    return ok(new ArrayList<>(control.issuedTokens()));
                }
                if (p.length == 2 && p[1].equals("revoke") && method.equals("POST")) {
                    control.revokeAllTokens();
                    return Reply.empty(204);
                }
                break;
            case "clients":
                if (p.length == 1 && method.equals("POST")) {
                    Map<String, Object> b = body(ex);
                    Set<String> perms = new HashSet<>();
                    Object list = b.get("permissions");
                    if (list instanceof List<?> l) {
                        l.forEach(x -> perms.add(String.valueOf(x)));
                    }
                    control.registerClient(str(b, "clientId"), str(b, "clientSecret"), perms);
                    return Reply.empty(201);
                }
                break;
            case "faults":
                if (p.length == 1 && method.equals("POST")) {
                    control.injectFault(fault(body(ex)));
                    return Reply.empty(201);
                }
                if (p.length == 1 && method.equals("DELETE")) {
                    control.clearFaults();
                    return Reply.empty(204);
                }
                if (p.length == 1 && method.equals("GET")) {
                    List<String> active = new ArrayList<>();
                    engine.faults.active().forEach(f -> active.add(f.toString()));
                    return ok(active);
                }
                break;
            case "counters":
                if (p.length == 1 && method.equals("GET")) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("tokenRequests", control.tokenRequests());
                    m.put("calls", control.callCounts());
                    return ok(m);
                }
                if (p.length == 1 && method.equals("DELETE")) {
                    control.resetCounters();
                    return Reply.empty(204);
                }
                break;
            case "log":
                if (p.length == 2 && method.equals("GET")) {
                    switch (p[1]) {
                        case "checkins":
                            return ok(control.postedCheckins());
                        case "readings":
                            return ok(control.ingestedReadings());
                        case "deletions":
                            return ok(control.deletedReservationIds());
                        default:
                            break;
                    }
                }
                break;
            case "settings":
                if (p.length == 1 && (method.equals("PUT") || method.equals("PATCH") || method.equals("POST"))) {
                    changeSettings(body(ex));
                    return ok(settings());
                }
                if (p.length == 1 && method.equals("GET")) {
                    return ok(settings());
                }
                break;
            default:
                break;
        }
        throw ApiException.notFound("No control operation " + method + " " + path + ".");
    }

    private Reply data(HttpExchange ex, String method, String[] p) {
        if (p.length == 1) {
            Map<String, Object> counts = new LinkedHashMap<>();
            for (Resource r : Resource.values()) {
                counts.put(r.name, control.count(r.name));
            }
            return ok(counts);
        }
        Resource r = Resource.of(p[1]);
        if (p.length == 2) {
            if (method.equals("GET")) {
                List<? extends Rec> rows = engine.store.all(r);
                return Reply.streamed(200, "application/json; charset=utf-8", out -> engine.writeJson(out, g -> {
                    Out o = new Out.Json(g);
                    g.writeStartArray();
                    for (Rec rec : rows) {
                        V2Shapes.write(rec, o);
                    }
                    g.writeEndArray();
                }));
            }
            if (method.equals("POST")) {
                return ok201(control.add(r.name, body(ex)));
            }
            throw ApiException.methodNotAllowed(method, "/_simulator/data/" + r.name, "GET, POST");
        }
        if (p.length == 3) {
            String id = p[2];
            switch (method) {
                case "GET":
                    return ok(control.get(r.name, id).orElseThrow(() -> new NoSuchElementException(
                            "No " + r.name + " record with id '" + id + "'.")));
                case "PUT":
                case "PATCH":
                    return ok(control.update(r.name, id, body(ex)));
                case "DELETE":
                    if (!control.delete(r.name, id)) {
                        throw new NoSuchElementException("No " + r.name + " record with id '" + id + "'.");
                    }
                    return Reply.empty(204);
                default:
                    throw ApiException.methodNotAllowed(method, "/_simulator/data/" + r.name + "/" + id,
                            "GET, PUT, PATCH, DELETE");
            }
        }
        throw ApiException.notFound("No control operation at /_simulator/" + String.join("/", p) + ".");
    }

    private Reply ok201(Map<String, Object> rec) {
        return Reply.json(201, engine.json(g -> g.writeObject(rec)));
    }

    private static String str(Map<String, Object> b, String k) {
        Object v = b.get(k);
        return v == null ? null : v.toString();
    }

    private static long num(Map<String, Object> b, String k) {
        Object v = b.get(k);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new BadRecordException(k, "'" + v + "' is not a number");
        }
    }

    static Fault fault(Map<String, Object> b) {
        String kind = str(b, "kind");
        if (kind == null) {
            throw new BadRecordException("kind", "is required: status, delay, connectionReset, truncatedJson or"
                    + " malformedJson");
        }
        Fault f = switch (kind.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "status" -> {
                if (b.get("status") == null) {
                    throw new BadRecordException("status", "is required for a status fault");
                }
                yield Fault.status((int) num(b, "status"));
            }
            case "delay" -> Fault.delay(Duration.ofMillis(b.get("delayMillis") == null ? 1000 : num(b, "delayMillis")));
            case "connectionreset", "reset" -> Fault.connectionReset();
            case "truncatedjson", "truncated" -> Fault.truncatedJson();
            case "malformedjson", "malformed" -> Fault.malformedJson();
            default -> throw new BadRecordException("kind", "'" + kind + "' is not one of status, delay,"
                    + " connectionReset, truncatedJson, malformedJson");
        };
        if (b.get("retryAfterSeconds") != null) {
            f = f.retryAfterSeconds((int) num(b, "retryAfterSeconds"));
        }
        if (b.get("times") != null) {
            f = f.times((int) num(b, "times"));
        }
        if (b.get("fraction") != null) {
            f = f.fraction(Double.parseDouble(b.get("fraction").toString()));
        }
        if (b.get("path") != null) {
            f = f.onPath(str(b, "path"));
        }
        if (b.get("method") != null) {
            f = f.onMethod(str(b, "method"));
        }
        return f;
    }

    private static final List<String> SETTINGS = List.of("tokenLifetimeSeconds", "rateLimitPerSecond",
            "checkinThrottleSeconds", "retentionDays", "bareArrays");

    /**
     * Applies a settings body all or nothing: every value is checked first (unknown names, wrong
     * types, out of range), and a 400 names each bad field before anything changes.
     */
    private void changeSettings(Map<String, Object> b) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<Runnable> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : b.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            try {
                switch (k) {
                    case "tokenLifetimeSeconds" -> {
                        Duration d = Settings.checkTokenLifetime(Duration.ofSeconds(num(b, k)));
                        changes.add(() -> control.setTokenLifetime(d));
                    }
                    case "rateLimitPerSecond" -> {
                        int n = Settings.checkRateLimit(Math.toIntExact(num(b, k)));
                        changes.add(() -> control.setRateLimitPerSecond(n));
                    }
                    case "checkinThrottleSeconds" -> {
                        Duration d = Settings.checkCheckinThrottle(Duration.ofSeconds(num(b, k)));
                        changes.add(() -> control.setCheckinThrottle(d));
                    }
                    case "retentionDays" -> {
                        int n = Settings.checkRetentionDays(Math.toIntExact(num(b, k)));
                        changes.add(() -> control.setRetentionDays(n));
                    }
                    case "bareArrays" -> {
                        if (!(v instanceof Boolean)) {
                            throw new IllegalArgumentException("must be true or false, not " + v);
                        }
                        boolean bare = (Boolean) v;
                        changes.add(() -> control.setBareArrays(bare));
                    }
                    default -> throw new IllegalArgumentException("unknown setting; the settings are "
                            + String.join(", ", SETTINGS));
                }
            } catch (BadRecordException x) {
                errors.put(k, List.of(x.bare()));
            } catch (IllegalArgumentException | ArithmeticException x) {
                errors.put(k, List.of(x.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        changes.forEach(Runnable::run);
    }

    private Map<String, Object> settings() {
        Settings s = engine.settings;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokenLifetimeSeconds", s.tokenLifetime.toSeconds());
        m.put("rateLimitPerSecond", s.rateLimitPerSecond);
        m.put("checkinThrottleSeconds", s.checkinThrottle.toSeconds());
        m.put("retentionDays", s.retentionDays);
        m.put("bareArrays", s.bareArrays);
        return m;
    }

    private Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseUrl", simulator.baseUrl());
        m.put("tokenUrl", simulator.tokenUrl());
        m.put("v1TokenUrl", simulator.v1TokenUrl());
        m.put("scope", MapiqSimulator.SCOPE);
        m.put("settings", settings());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Resource r : Resource.values()) {
            counts.put(r.name, control.count(r.name));
        }
        m.put("records", counts);
        return m;
    }
}
