package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A small real HTTP server for list answers the simulator never gives: a token endpoint, and {@code /v2/users}
 * answering what the test writes. It records the query of every list call.
 */
final class CraftedListApi implements AutoCloseable {

    @FunctionalInterface
    interface Answer {
        void write(HttpExchange exchange, OutputStream out) throws Exception;
    }

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    private CraftedListApi(Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] token = bytes("{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, token.length);
            ex.getResponseBody().write(token);
            ex.close();
        });
        server.createContext("/v2/users", ex -> {
            queries.add(ex.getRequestURI().getQuery());
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                answer.write(ex, out);
            } catch (IOException cutOff) {
                // the client gave up on the answer
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.start();
    }

    static CraftedListApi answering(Answer answer) throws IOException {
        return new CraftedListApi(answer);
    }

    /** A {@code mapiq:users?operation=list} endpoint URI against this server, with more {@code options} ("&..."). */
    String listUri(String options) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return "mapiq:users?operation=list&clientId=id&clientSecret=secret&baseUrl=" + base + "&tokenUrl=" + base
               + "/token&retryInitialDelay=10" + options;
    }

    /** The body of a route's {@code mapiq:users?operation=list} call with more {@code options}, in its own context. */
    <T> T list(String options, Class<T> type) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to(listUri(options));
                }
            });
            context.start();
            return context.createProducerTemplate().requestBody("direct:list", "", type);
        }
    }

    /** The decoded query of each list call, in order. */
    List<String> queries() {
        return queries;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
