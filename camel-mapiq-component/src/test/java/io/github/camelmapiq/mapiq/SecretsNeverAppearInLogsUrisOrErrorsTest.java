package io.github.camelmapiq.mapiq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.HttpHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Neither the client secret nor any token issued reaches a log line (component, Camel and HttpClient at DEBUG), an
 * exception text, or an endpoint's URI and string as logs, consoles and JMX show them, through token fetches, retries,
 * a 401 replay and a refused token request.
 */
class SecretsNeverAppearInLogsUrisOrErrorsTest {

    private static final String SECRET = "s3cret-f00d-4b1d";
    private static final String WRONG_SECRET = "wr0ng-s3cret-cafe";

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

    /** Every bearer token sent, seen by a request interceptor of the user-supplied HTTP client. */
    private final Set<String> tokensSent = ConcurrentHashMap.newKeySet();

    @AfterEach
    void clearFaults() {
        extension.control().clearFaults();
    }

    @Test
    void secretAndTokensAreAbsentEverywhereAUserLooks() throws Exception {
        MapiqSimulator sim = extension.simulator();
        sim.control().registerClient("secret-client", SECRET, Set.of("users.read", "spaces.read"));
        List<String> exceptionTexts = new ArrayList<>();
        List<String> endpointStrings = new ArrayList<>();
        List<String> logLines;
        try (CapturedLogs logs = new CapturedLogs();
             CloseableHttpClient http = HttpClients.custom().addRequestInterceptorFirst((request, entity, ctx) -> {
                 if (request.containsHeader(HttpHeaders.AUTHORIZATION)) {
                     tokensSent.add(request.getFirstHeader(HttpHeaders.AUTHORIZATION).getValue().substring(7));
                 }
             }).build();
             DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("recordingClient", http);
            String options = "baseUrl=" + sim.baseUrl() + "&tokenUrl=" + sim.tokenUrl()
                             + "&clientId=secret-client&retryInitialDelay=10&httpClient=#recordingClient";
            String goodUri = "mapiq:users?" + options + "&clientSecret=" + SECRET;
            String badUri = "mapiq:buildings?" + options + "&clientSecret=" + WRONG_SECRET;
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:good").routeId("good").to(goodUri);
                    from("direct:bad").routeId("bad").to(badUri);
                }
            });
            context.start();
            MapiqEndpoint good = context.getEndpoint(goodUri, MapiqEndpoint.class);
            MapiqEndpoint bad = context.getEndpoint(badUri, MapiqEndpoint.class);

            good.getClient().list("/v2/users", Map.of(), 100, r -> {
            });
            sim.control().injectFault(Fault.status(503).times(1).onPath("/v2/users"));
            good.getClient().list("/v2/users", Map.of(), 100, r -> {
            });
            sim.control().revokeAllTokens();
            good.getClient().list("/v2/users", Map.of(), 100, r -> {
            });
            sim.control().injectFault(Fault.status(401).times(2).onPath("/v2/users"));
            collectFailure(() -> good.getClient().list("/v2/users", Map.of(), 100, r -> {
            }), exceptionTexts);
            collectFailure(() -> bad.getClient().checkCredentials(), exceptionTexts);

            for (Endpoint endpoint : context.getEndpoints()) {
                endpointStrings.add(endpoint.toString());
                endpointStrings.add(endpoint.getEndpointUri());
                endpointStrings.add(endpoint.getEndpointBaseUri());
            }
            endpointStrings.add(good.getClient().toString());
            endpointStrings.add(context.getComponent("mapiq", MapiqComponent.class).getClients().toString());
            context.getRoutes().forEach(route -> endpointStrings.add(route.getEndpoint().getEndpointUri()));
            logLines = logs.lines();
        }

        assertThat(tokensSent).as("tokens were issued and sent").hasSizeGreaterThanOrEqualTo(2);
        assertThat(exceptionTexts).hasSize(2);
        assertThat(logLines).isNotEmpty();
        List<String> forbidden = new ArrayList<>(tokensSent);
        forbidden.add(SECRET);
        forbidden.add(WRONG_SECRET);
        for (String secret : forbidden) {
            assertThat(logLines).noneMatch(line -> line.contains(secret));
            assertThat(exceptionTexts).noneMatch(text -> text.contains(secret));
            assertThat(endpointStrings).noneMatch(text -> text.contains(secret));
        }
        assertThat(endpointStrings).anyMatch(s -> s.contains("clientSecret=xxxxxx"));
    }

    private interface Call {
        void run() throws Exception;
    }

    /** The whole text a user may see of a failure: every message and stack trace line of the cause chain. */
    private static void collectFailure(Call call, List<String> texts) {
        try {
            call.run();
            throw new AssertionError("expected a failure");
        } catch (Exception e) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            texts.add(trace.toString());
        }
    }
}
