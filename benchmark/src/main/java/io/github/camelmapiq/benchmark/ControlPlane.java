package io.github.camelmapiq.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;

/**
 * The simulator's HTTP control plane ({@code /_simulator}), used from any JVM of the benchmark: record counts,
 * counters, changes to records. Every call is bounded in time, and carries the simulator's control token when it has
 * one (it has none on loopback, where the benchmark runs it).
 */
final class ControlPlane {

    static final String WORKSPACE_RESERVATIONS = "workspace-reservations";
    static final String LIST_PATH = "/v2/reservations/workspaces";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(120);
    /** The environment variable that hands the control token to a child JVM (not its command line, which is public). */
    static final String TOKEN_ENV = "MAPIQ_SIMULATOR_CONTROL_TOKEN";

    private final String baseUrl;
    private final String controlToken;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** @param controlToken the simulator's control token, or null when it has none */
    ControlPlane(String baseUrl, String controlToken) {
        this.baseUrl = baseUrl;
        this.controlToken = controlToken == null || controlToken.isEmpty() ? null : controlToken;
    }

    /** The control token, or null when the simulator has none. */
    String controlToken() {
        return controlToken;
    }

    /** Records of a resource the simulator holds now. */
    long count(String resource) throws IOException, InterruptedException {
        return get("/_simulator/data").path(resource).asLong(-1);
    }

    /** Every record count, e.g. {@code workspace-reservations=1012074}. */
    JsonNode counts() throws IOException, InterruptedException {
        return get("/_simulator/data");
    }

    /**
     * Workspace reservations dated within {@code [start, end]}, counted from the simulator's own records: the local date
     * of a reservation is the date of its {@code startTime}, which carries the building's offset. This fetches every
     * record, so it is for small data sets (the smoke test).
     */
    long countDated(LocalDate start, LocalDate end) throws IOException, InterruptedException {
        long n = 0;
        for (JsonNode record : get("/_simulator/data/" + WORKSPACE_RESERVATIONS)) {
            LocalDate day = LocalDate.parse(record.path("startTime").asText().substring(0, 10));
            if (!day.isBefore(start) && !day.isAfter(end)) {
                n++;
            }
        }
        return n;
    }

    /** Has the simulator's JVM collect its garbage now (between rounds, never in one). */
    void collectGarbage() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/_simulator/gc")).POST(HttpRequest.BodyPublishers.noBody()), 204);
    }

    void resetCounters() throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/_simulator/counters")).DELETE(), 204);
    }

    long tokenRequests() throws IOException, InterruptedException {
        return get("/_simulator/counters").path("tokenRequests").asLong();
    }

    /** Calls of {@code method path} the simulator answered with {@code status}, since the counters were reset. */
    long calls(String method, String path, int status) throws IOException, InterruptedException {
        return get("/_simulator/counters").path("calls").path(method + " " + path + " " + status).asLong();
    }

    /** Merges {@code changes} into a stored record. */
    void update(String resource, String id, Map<String, Object> changes) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/_simulator/data/" + resource + "/" + id))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(changes))), 200);
    }

    void delete(String resource, String id) throws IOException, InterruptedException {
        send(HttpRequest.newBuilder(uri("/_simulator/data/" + resource + "/" + id)).DELETE(), 204);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send(HttpRequest.newBuilder(uri(path)).GET(), 200));
    }

    private String send(HttpRequest.Builder request, int expected) throws IOException, InterruptedException {
        if (controlToken != null) {
            request.header(MapiqSimulator.CONTROL_TOKEN_HEADER, controlToken);
        }
        HttpResponse<String> answer = http.send(request.timeout(CONTROL_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            throw new IOException("Simulator control plane answered " + answer.statusCode() + " to "
                                  + answer.request().method() + " " + answer.uri() + ": " + answer.body());
        }
        return answer.body();
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

}
