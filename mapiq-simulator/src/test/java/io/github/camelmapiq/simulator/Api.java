package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the tests: real calls over loopback, JSON parsed with Jackson. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final MapiqSimulator sim;
    String token;

    Api(MapiqSimulator sim) {
        this.sim = sim;
    }

    /** Fetches a token for the demo client (every permission). */
    Api login() {
        return login(MapiqSimulator.DEMO_CLIENT_ID, MapiqSimulator.DEMO_CLIENT_SECRET);
    }

    Api login(String clientId, String secret) {
        Response r = tokenRequest(Map.of("grant_type", "client_credentials", "scope", MapiqSimulator.SCOPE,
                "client_id", clientId, "client_secret", secret));
        if (r.status != 200) {
            throw new AssertionError("token request failed: " + r.status + " " + r.body);
        }
        token = r.json().get("access_token").asText();
        return this;
    }

    static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    Response tokenRequest(Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(sim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build());
    }

    Response get(String pathAndQuery) {
        return send(authorized(pathAndQuery).GET().build());
    }

    Response delete(String pathAndQuery) {
        return send(authorized(pathAndQuery).DELETE().build());
    }

    Response post(String path, Object body) {
        try {
            return send(authorized(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpRequest.Builder authorized(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        JsonNode items() {
            return json().get("items");
        }
    }
}
