package io.github.camelmapiq.mapiq;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Mapiq, or a proxy before it, that quotes the request in an error answer (the client secret, the bearer token) does
 * not put them in the exception a route sees (its message, its problem details, its cause chain and stack trace), in a
 * log line (the producer's failure, the consumer's poll failure WARN), or in what JMX shows of the endpoint: they read
 * as {@code ******} there. A loopback server issues a token and then answers 400 quoting both, as problem details and
 * as plain text; its token endpoint also refuses a second client quoting the secret.
 */
class ErrorAnswersQuotingTheSecretOrTokenAreMaskedTest {

    private static final String SECRET = "s3cret-echo-9f2c41";
    private static final String TOKEN = "tok-echo-6d0e8b27a1";

    private HttpServer server;
    /** Every bearer token the server received, as it quoted them back. */
    private final Set<String> tokensReceived = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startEchoingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", exchange -> answer(exchange, 200, "application/json",
                "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        server.createContext("/refusing-token", exchange -> answer(exchange, 401, "application/json",
                "{\"error\":\"invalid_client\",\"error_description\":\"client_secret " + SECRET + " is unknown\"}"));
        server.createContext("/v2/users", exchange -> {
            String bearer = bearer(exchange);
            answer(exchange, 400, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Bad Request for " + bearer + "\",\"status\":400,"
                                                              + "\"detail\":\"request sent Authorization: Bearer "
                                                              + bearer + " and client_secret=" + SECRET + "\","
                                                              + "\"traceId\":\"trace-1\",\"errors\":{\"" + SECRET
                                                              + "\":[\"token " + bearer + " is not valid here\"]}}");
        });
        server.createContext("/v2/spaces/buildings", exchange -> {
            String bearer = bearer(exchange);
            answer(exchange, 400, "text/plain",
                    "proxy says: bad request\nAuthorization: Bearer " + bearer + "\nclient_secret=" + SECRET);
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void theSecretAndTheTokenQuotedByAnErrorAnswerAreMaskedInExceptionsLogsAndJmx() throws Exception {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<Throwable> failures = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> logLines;
        try (CapturedLogs logs = new CapturedLogs(); DefaultCamelContext context = new DefaultCamelContext()) {
            MapiqComponent component = new MapiqComponent();
            component.getConfiguration().setBaseUrl(base);
            component.getConfiguration().setTokenUrl(base + "/token");
            component.getConfiguration().setClientId("echo-client");
            component.getConfiguration().setClientSecret(SECRET);
            component.getConfiguration().setMaxRetries(0);
            context.addComponent("mapiq", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:users").routeId("users").to("mapiq:users?operation=list");
                    from("direct:buildings").routeId("buildings").to("mapiq:buildings?operation=list");
                    from("direct:refused").routeId("refused")
                            .to("mapiq:parking-lots?operation=list&tokenUrl=" + base + "/refusing-token");
                    from("mapiq:users?delay=100&initialDelay=0").routeId("poll").to("log:never?level=OFF");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            for (String route : List.of("direct:users", "direct:buildings", "direct:refused")) {
                Exchange answer = template.send(route, e -> {
                });
                assertThat(answer.getException()).as(route + " fails").isNotNull();
                failures.add(answer.getException());
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !logs.lines("WARN", "io.github.camelmapiq.mapiq.consumer").isEmpty());
            for (Throwable failure : failures) {
                texts.add(printed(failure));
            }
            for (org.apache.camel.Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof MapiqEndpoint mapiq) {
                    texts.add(String.valueOf(mapiq.getLastError()));
                }
            }
            texts.add(String.valueOf(component.getLastTokenError()));
            logLines = logs.lines();
        }

        assertThat(tokensReceived).as("the server received and quoted the token").containsExactly(TOKEN);
        MapiqApiException problem = (MapiqApiException) failures.get(0);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getMessage()).isEqualTo("Mapiq API GET /v2/users answered 400 Bad Request: request sent "
                                                   + "Authorization: Bearer ****** and client_secret=****** "
                                                   + "(traceId trace-1; field errors: ******: [token ****** is not "
                                                   + "valid here])");
        assertThat(problem.getTitle()).isEqualTo("Bad Request for ******");
        assertThat(problem.getDetail()).isEqualTo("request sent Authorization: Bearer ****** and client_secret=******");
        assertThat(problem.getFieldErrors()).isEqualTo(Map.of("******", List.of("token ****** is not valid here")));
        MapiqApiException plain = (MapiqApiException) failures.get(1);
        assertThat(plain.getDetail())
                .isEqualTo("proxy says: bad request Authorization: Bearer ****** client_secret=******");
        MapiqAuthenticationException refused = (MapiqAuthenticationException) failures.get(2);
        assertThat(refused.getError()).isEqualTo("invalid_client");
        assertThat(refused.getErrorDescription()).isEqualTo("client_secret ****** is unknown");
        assertThat(texts).anyMatch(t -> t.contains("/v2/spaces/buildings answered 400"))
                .anyMatch(t -> t.contains("refused the token request"));
        assertThat(logLines).anyMatch(l -> l.contains("/v2/users answered 400") && l.contains("Bearer ******"));
        for (String secret : List.of(SECRET, TOKEN)) {
            assertThat(texts).noneMatch(t -> t.contains(secret));
            assertThat(logLines).noneMatch(l -> l.contains(secret));
        }
    }

    @Test
    void aMalformedAnswerQuotingTheSecretOrTheTokenIsMaskedInTheBadAnswerException() throws Exception {
        // letters and digits only, as many real secrets and tokens are: a JSON parser quotes such a run whole
        String secret = "s3cretEcho9f2c41";
        String token = "tokEcho6d0e8b27a1";
        server.createContext("/plain-token", exchange -> answer(exchange, 200, "application/json",
                "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        server.createContext("/v2/workdays", exchange -> answer(exchange, 200, "application/json",
                "{\"items\":[" + bearer(exchange) + "]}"));
        server.createContext("/v2/reservations/parking-spots", exchange -> answer(exchange, 200, "application/json",
                "{\"items\":[{\"id\":\"p-1\"}," + secret + "]}"));
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        List<String> texts = new ArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    String options = "&baseUrl=" + base + "&tokenUrl=" + base + "/plain-token&clientId=c&clientSecret="
                                     + secret + "&maxRetries=0&startDate=2026-03-02";
                    from("direct:workdays").to("mapiq:workdays?operation=list" + options);
                    from("direct:parking").to("mapiq:parking-reservations?operation=list" + options);
                }
            });
            context.start();
            for (String route : List.of("direct:workdays", "direct:parking")) {
                Exchange answer = context.createProducerTemplate().send(route, e -> {
                });
                assertThat(answer.getException()).as(route).isInstanceOf(MapiqResponseException.class)
                        .hasMessageContaining("answered malformed JSON").hasMessageContaining("******");
                texts.add(printed(answer.getException()));
            }
            for (org.apache.camel.Endpoint endpoint : context.getEndpoints()) {
                if (endpoint instanceof MapiqEndpoint mapiq) {
                    texts.add(String.valueOf(mapiq.getLastError()));
                }
            }
        }

        assertThat(tokensReceived).as("the server quoted the token it received").contains(token);
        assertThat(texts).hasSizeGreaterThanOrEqualTo(3).noneMatch(t -> t.contains(secret) || t.contains(token));
    }

    private String bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? "none" : authorization.substring("Bearer ".length());
        tokensReceived.add(token);
        return token;
    }

    private static void answer(HttpExchange exchange, int status, String type, String text) throws IOException {
        exchange.getRequestBody().readAllBytes();
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    /** Every message and stack trace line of the cause chain, as a log or a console prints it. */
    private static String printed(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
