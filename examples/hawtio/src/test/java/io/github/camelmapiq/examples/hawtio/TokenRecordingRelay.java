package io.github.camelmapiq.examples.hawtio;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands between the component and a token endpoint, passing requests and answers through unchanged and keeping the
 * access tokens issued, so a test knows which strings must never show up anywhere else.
 */
final class TokenRecordingRelay implements AutoCloseable {

    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Authorization", "Accept");

    private final URI target;
    private final HttpServer server;
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper mapper = new ObjectMapper();
    private final List<String> tokens = new CopyOnWriteArrayList<>();

    TokenRecordingRelay(String targetTokenUrl) throws IOException {
        this.target = URI.create(targetTokenUrl);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::relay);
        server.start();
    }

    /** The URL to give the component as its token URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + target.getRawPath();
    }

    /** The access tokens issued through this relay so far. */
    List<String> tokens() {
        return List.copyOf(tokens);
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            HttpRequest.Builder request = HttpRequest.newBuilder(target)
                    .method(exchange.getRequestMethod(),
                            HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
            FORWARDED_HEADERS.forEach(name -> {
                String value = exchange.getRequestHeaders().getFirst(name);
                if (value != null) {
                    request.header(name, value);
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            record(response.body());
            response.headers().firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private void record(byte[] body) {
        try {
            JsonNode token = mapper.readTree(body).path("access_token");
            if (token.isTextual()) {
                tokens.add(token.asText());
            }
        } catch (IOException notJson) {
            // an error page carries no token
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
