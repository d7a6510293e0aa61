package io.github.camelmapiq.examples.hawtio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Jolokia agent inside Hawtio, called over HTTP with JSON requests as the Hawtio web console calls it. */
final class Jolokia {

    private final URI endpoint;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();

    Jolokia(String hawtioUrl) {
        this.endpoint = URI.create(hawtioUrl + "jolokia/");
    }

    /** The answer to one request; fails unless Jolokia answers it with status 200. */
    JsonNode answer(Map<String, Object> request) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(endpoint)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(request)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = mapper.readTree(response.body());
        if (response.statusCode() != 200 || answer.path("status").asInt() != 200) {
            throw new AssertionError("Jolokia refused " + request + ": HTTP " + response.statusCode() + " " + answer);
        }
        return answer;
    }

    /** The {@code value} of the answer to one request. */
    JsonNode value(Map<String, Object> request) throws IOException, InterruptedException {
        return answer(request).path("value");
    }

    /** The names of the MBeans matching {@code pattern}. */
    List<String> search(String pattern) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        value(Map.of("type", "search", "mbean", pattern)).forEach(name -> names.add(name.asText()));
        return names;
    }

    /** One attribute of every MBean matching {@code pattern}, by MBean name. */
    JsonNode readAttribute(String pattern, String attribute) throws IOException, InterruptedException {
        return value(Map.of("type", "read", "mbean", pattern, "attribute", attribute));
    }

    /** Every readable attribute of every MBean matching {@code pattern}, by MBean name and attribute name. */
    JsonNode readAll(String pattern) throws IOException, InterruptedException {
        return value(Map.of("type", "read", "mbean", pattern, "config", Map.of("ignoreErrors", true)));
    }

    /** The result of one MBean operation. */
    JsonNode exec(String mbean, String operation, Object... arguments) throws IOException, InterruptedException {
        return value(Map.of("type", "exec", "mbean", mbean, "operation", operation, "arguments", List.of(arguments)));
    }
}
