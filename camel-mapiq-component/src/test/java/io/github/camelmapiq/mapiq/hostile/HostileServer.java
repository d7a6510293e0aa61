package io.github.camelmapiq.mapiq.hostile;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A real HTTP server on loopback that answers as no honest Mapiq would: each path answers what the test says. It
 * records every request (method, path, query, body) and counts the body bytes it managed to write, so a test sees
 * what reached it and how much of an answer the client took before it closed the connection.
 */
public final class HostileServer implements AutoCloseable {

    /** What one path answers. */
    @FunctionalInterface
    public interface Answer {
        void write(HttpExchange exchange) throws Exception;
    }

    /** One request as the server received it. */
    public record Request(String method, String path, String query, String body, String authorization) {
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong written = new AtomicLong();

    public HostileServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), body,
                    exchange.getRequestHeaders().getFirst("Authorization")));
            Answer answer = answers.get(path);
            try {
                if (answer == null) {
                    text(exchange, 404, "application/json", "{\"title\":\"Not Found\",\"status\":404}");
                } else {
                    answer.write(exchange);
                }
            } catch (IOException cutOff) {
                // the client closed the connection
            } catch (Exception e) {
                throw new IOException(e);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** Serves a token that works at {@code /token}. */
    public HostileServer withToken(String token) {
        return on("/token", ex -> text(ex, 200, "application/json",
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    }

    public HostileServer on(String path, Answer answer) {
        answers.put(path, answer);
        return this;
    }

    /** {@code http://127.0.0.1:port}. */
    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The host and port, as a message names a redirect's target. */
    public String hostAndPort() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Options that point an endpoint at this server ({@code &baseUrl=...}), credentials and no retry waits. */
    public String options(String secret) {
        return "&baseUrl=" + base() + "&tokenUrl=" + base() + "/token&clientId=hostile-client&clientSecret=RAW("
               + secret + ")&retryInitialDelay=10";
    }

    /** Sends {@code body} through a route {@code direct:call → uri} in a context of its own; the exchange as it ended. */
    public static Exchange call(String uri, String body) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:call").routeId("call").to(uri);
                }
            });
            context.start();
            return context.createProducerTemplate().send("direct:call", e -> e.getMessage().setBody(body));
        }
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Body bytes the server wrote before the client took them all or closed the connection. */
    public long bytesWritten() {
        return written.get();
    }

    /** Answers {@code text} whole. */
    public static void text(HttpExchange exchange, int status, String type, String text) throws IOException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Answers a redirect to {@code location}, with no body. */
    public static Answer redirect(int status, String location) {
        return ex -> {
            ex.getResponseHeaders().set("Location", location);
            ex.sendResponseHeaders(status, -1);
        };
    }

    /**
     * Answers {@code total} bytes of {@code fill}, chunked, counting what it could write, under {@code headers}
     * ({@code Content-Type} first).
     */
    public Answer stream(int status, long total, byte fill, String... headers) {
        return ex -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                ex.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            ex.sendResponseHeaders(status, 0);
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, fill);
            try (OutputStream out = ex.getResponseBody()) {
                for (long left = total; left > 0; left -= chunk.length) {
                    int n = (int) Math.min(chunk.length, left);
                    out.write(chunk, 0, n);
                    written.addAndGet(n);
                }
            }
        };
    }

    /** Answers {@code body} as it is (bytes already encoded as {@code headers} say). */
    public Answer bytes(int status, byte[] body, String... headers) {
        return ex -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                ex.getResponseHeaders().set(headers[i], headers[i + 1]);
            }
            ex.sendResponseHeaders(status, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (int at = 0; at < body.length; at += 8192) {
                    int n = Math.min(8192, body.length - at);
                    out.write(body, at, n);
                    written.addAndGet(n);
                }
            }
        };
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
