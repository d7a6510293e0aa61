package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Answers no Mapiq would send end a listing with a {@link MapiqResponseException} naming the call, at once and
 * without retries: an {@code items} that is not an array, continuation tokens that run in a cycle, an answer that
 * trickles in past {@code callTimeout}, and nesting beyond {@code maxNestingDepth}. Each goes through a route with a
 * {@code mapiq:} endpoint against a small real HTTP server serving the crafted answer.
 */
class HostileListAnswersFailClearlyTest {

    private final AtomicInteger listCalls = new AtomicInteger();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @FunctionalInterface
    interface Answer {
        void write(HttpExchange exchange, OutputStream out) throws Exception;
    }

    @Test
    void itemsThatAreNotAnArrayAreABadAnswer() throws Exception {
        Throwable failure = list("", (ex, out) -> out.write(bytes("{\"items\":{\"id\":\"u-1\"}}")));

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("\"items\" as an object");
        assertThat(listCalls).hasValue(1);
    }

    @Test
    void continuationTokensRunningInACycleStopTheListing() throws Exception {
        Throwable failure = list("", (ex, out) -> {
            String query = ex.getRequestURI().getRawQuery();
            String next = query.contains("continuationToken=A") ? "B" : query.contains("continuationToken=B") ? "C" : "A";
            if (query.contains("continuationToken=C")) {
                next = "A";
            }
            out.write(bytes("{\"items\":[{\"id\":\"u-" + next + "\"}],\"continuationToken\":\"" + next + "\"}"));
        });

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("continuationToken 'A' a second time");
        assertThat(listCalls).as("A, B, C, then A again").hasValue(4);
    }

    @Test
    void anAnswerTricklingPastTheCallTimeoutIsCutOff() throws Exception {
        long started = System.nanoTime();
        Throwable failure = list("&callTimeout=1000", (ex, out) -> {
            out.write(bytes("{\"items\":["));
            for (int i = 0; i < 300; i++) {
                out.write(bytes("{\"id\":\"u-" + i + "\"},"));
                out.flush();
                Thread.sleep(50);
            }
        });
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("within callTimeout (1000 ms");
        assertThat(millis).as("failed near the deadline, not after the 15 s the answer would take").isLessThan(5000);
    }

    @Test
    void nestingBeyondTheLimitIsABadAnswerNotRetried() throws Exception {
        Throwable failure = list("&maxNestingDepth=16", (ex, out) -> {
            out.write(bytes("{\"items\":[{\"id\":\"u-1\",\"deep\":" + "[".repeat(40) + "]".repeat(40) + "}]}"));
        });

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("maxNestingDepth 16");
        assertThat(listCalls).as("a bad answer is not asked for again").hasValue(1);
    }

    /** Lists users through a route, against a server giving {@code answer}; returns what the route failed with. */
    private Throwable list(String options, Answer answer) throws Exception {
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
            listCalls.incrementAndGet();
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
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to("mapiq:users?operation=list&clientId=id&clientSecret=secret&baseUrl=" + base
                                           + "&tokenUrl=" + base + "/token&retryInitialDelay=10" + options);
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Throwable thrown = catchThrowable(() -> template.requestBody("direct:list", ""));
            assertThat(thrown).isInstanceOf(CamelExecutionException.class);
            return thrown.getCause();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
