package io.github.camelmapiq.simulator.control;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.SimulatorControl;
import io.github.camelmapiq.simulator.api.Credentials;
import io.github.camelmapiq.simulator.api.Settings;
import io.github.camelmapiq.simulator.data.BadRecordException;
import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.Resource;
import io.github.camelmapiq.simulator.fault.Faults;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Handler;
import io.github.camelmapiq.simulator.http.Json;
import io.github.camelmapiq.simulator.http.Problems;
import io.github.camelmapiq.simulator.http.Reply;
import io.github.camelmapiq.simulator.http.Requests;
import io.github.camelmapiq.simulator.shape.Out;
import io.github.camelmapiq.simulator.shape.V2Shapes;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The control plane over HTTP under {@code /_simulator}: the {@link SimulatorControl} operations
 * with JSON bodies, for tools and tests outside the JVM. {@link ControlTokenGuard} guards it when the simulator
 * listens on an address other than loopback.
 */
public final class ControlHttp implements Handler {

    private final SimulatorControl control;
    private final DataStore store;
    private final Faults faults;
    private final SettingsBody settings;
    private final Json json;
    private final Problems problems;
    private final String baseUrl;

    /** The control plane of the simulator serving at {@code baseUrl}. */
    public ControlHttp(SimulatorControl control, DataStore store, Faults faults, Settings settings, Json json,
            Problems problems, String baseUrl) {
        this.control = control;
        this.store = store;
        this.faults = faults;
        this.settings = new SettingsBody(control, settings);
        this.json = json;
        this.problems = problems;
        this.baseUrl = baseUrl;
    }

    @Override
    public Reply handle(HttpExchange ex, String method, String path) {
        try {
            return dispatch(ex, method, path);
        } catch (ApiException e) {
            return problems.reply(e);
        } catch (NoSuchElementException e) {
            return problems.reply(ApiException.notFound(e.getMessage()));
        } catch (UnsupportedOperationException e) {
            return problems.reply(ApiException.problem(405, "Method Not Allowed", e.getMessage()));
        } catch (BadRecordException e) {
            return problems.reply(ApiException.field(e.field, e.bare()));
        } catch (IllegalArgumentException e) {
            return problems.reply(ApiException.problem(400, "Bad Request", e.getMessage()));
        }
    }

    private Reply ok(Object value) {
        return json.reply(200, value);
    }

    private Map<String, Object> body(HttpExchange ex) {
        return Requests.jsonObject(ex, json);
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
            case "gc":
                if (p.length == 1 && method.equals("POST")) {
                    // a benchmark's pause between rounds: what the last round left is collected before the next one
                    System.gc();
                    return Reply.empty(204);
                }
                break;
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
                    control.registerClient(FaultBodies.str(b, "clientId"), FaultBodies.str(b, "clientSecret"), perms);
                    return Reply.empty(201);
                }
                break;
            case "faults":
                if (p.length == 1 && method.equals("POST")) {
                    control.injectFault(FaultBodies.fault(body(ex)));
                    return Reply.empty(201);
                }
                if (p.length == 1 && method.equals("DELETE")) {
                    control.clearFaults();
                    return Reply.empty(204);
                }
                if (p.length == 1 && method.equals("GET")) {
                    List<String> active = new ArrayList<>();
                    faults.active().forEach(f -> active.add(f.toString()));
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
                    settings.change(body(ex));
                    return ok(settings.current());
                }
                if (p.length == 1 && method.equals("GET")) {
                    return ok(settings.current());
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
                List<? extends Rec> rows = store.all(r);
                return Reply.streamed(200, "application/json; charset=utf-8", out -> json.write(out, g -> {
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
        return json.reply(201, rec);
    }

    private Map<String, Object> info() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseUrl", baseUrl);
        m.put("tokenUrl", baseUrl + Credentials.TOKEN_PATH);
        m.put("v1TokenUrl", baseUrl + Credentials.V1_TOKEN_PATH);
        m.put("scope", Credentials.SCOPE);
        m.put("settings", settings.current());
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Resource r : Resource.values()) {
            counts.put(r.name, control.count(r.name));
        }
        m.put("records", counts);
        return m;
    }
}
