package io.github.camelmapiq.routes;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;

/**
 * Asks the simulator's HTTP API directly (not through the component), to know what a route should have received.
 */
final class SimulatorApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private SimulatorApi() {
    }

    /** Every record of a v2 list, all pages followed. */
    static List<JsonNode> v2List(MapiqSimulator simulator, String path, String query) throws Exception {
        String token = token(simulator.tokenUrl(), "grant_type=client_credentials&scope=" + enc(MapiqSimulator.SCOPE)
                                                   + "&client_id=" + MapiqSimulator.DEMO_CLIENT_ID
                                                   + "&client_secret=" + MapiqSimulator.DEMO_CLIENT_SECRET, null);
        List<JsonNode> records = new ArrayList<>();
        String continuation = null;
        do {
            String url = simulator.baseUrl() + path + "?" + query
                         + (continuation == null ? "" : "&continuationToken=" + enc(continuation));
            JsonNode page = get(url, token, null);
            page.get("items").forEach(records::add);
            JsonNode next = page.get("continuationToken");
            continuation = next == null || next.isNull() ? null : next.asText();
        } while (continuation != null);
        return records;
    }

    /** A v1 list (bare array), with a v1 ROPC token and the api key. */
    static JsonNode v1List(MapiqSimulator simulator, String path, String query) throws Exception {
        String form = "client_id=" + MapiqSimulator.V1_CLIENT_ID + "&scope=" + enc("openid https://mapiqprod.onmicrosoft.com/api/shifts/Default")
                      + "&username=" + enc(MapiqSimulator.V1_USERNAME) + "&password=" + enc(MapiqSimulator.V1_PASSWORD)
                      + "&grant_type=password&response_type=" + enc("token id_token");
        String token = token(simulator.v1TokenUrl(), form, MapiqSimulator.V1_API_KEY);
        return get(simulator.baseUrl() + path + "?" + query, token, MapiqSimulator.V1_API_KEY);
    }

    private static String token(String url, String form, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (apiKey != null) {
            request.header("mapiq-api-key", apiKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static JsonNode get(String url, String token, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (apiKey != null) {
            request.header("mapiq-api-key", apiKey);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
