package io.github.camelmapiq.mapiq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With every logger of the JVM at TRACE, HttpClient's {@code wire} and {@code headers} loggers included, neither the
 * client secret nor any token the simulator issued appears in a single log line, over a run that fetches a token,
 * refreshes short-lived ones, replays a call refused with 401 after a revocation, retries through faults of the API
 * and of the token endpoint, runs every producer operation and polls with a consumer. The headers logger is shown to
 * be on: it logs each {@code Authorization} header with its value masked.
 */
class SecretsStayOutOfEveryLoggerAtTraceTest {

    private static final String REFUSED = "GET /v2/spaces/buildings 401";

    private static final String CLIENT_ID = "trace-client";
    private static final String SECRET = "tr4ce-s3cret-9f2d";

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(6).rateLimitPerSecond(0)
            .tokenLifetime(Duration.ofSeconds(2)).build();

    private static Exchange send(ProducerTemplate template, String uri, Object body) {
        return template.send(uri, exchange -> exchange.getMessage().setBody(body));
    }

    @Test
    void noSecretNorTokenReachesAnyLoggerAtTrace() throws Exception {
        MapiqSimulator sim = extension.simulator();
        SimulatorControl control = sim.control();
        control.registerClient(CLIENT_ID, SECRET, Set.of("users.read", "spaces.read", "workdays.read",
                "reservations.read", "reservations.delete", "checkins.read", "checkins.write", "occupancy.write"));
        String user = (String) control.list("users").get(0).get("id");
        String building = (String) control.list("buildings").get(0).get("id");
        String reservation = (String) control.list("workspace-reservations").get(0).get("id");
        List<String> lines;
        List<Exchange> answers = new ArrayList<>();
        try (EveryLoggerAtTrace logs = new EveryLoggerAtTrace();
             DefaultCamelContext context = new DefaultCamelContext()) {
            MapiqComponent component = new MapiqComponent();
            MapiqConfiguration configuration = component.getConfiguration();
            configuration.setBaseUrl(sim.baseUrl());
            configuration.setTokenUrl(sim.tokenUrl());
            configuration.setClientId(CLIENT_ID);
            configuration.setClientSecret(SECRET);
            configuration.setRetryInitialDelay(10);
            context.addComponent("mapiq", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mapiq:users?repeatCount=1&delay=100&initialDelay=0").routeId("poll").to("mock:polled");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            MockEndpoint polled = context.getEndpoint("mock:polled", MockEndpoint.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> polled.getReceivedCounter() == 6);

            // a retried token request, then a retried list
            control.injectFault(Fault.status(503).times(1).onPath(MapiqSimulator.TOKEN_PATH));
            control.revokeAllTokens();
            answers.add(send(template, "mapiq:users?operation=list", null));
            control.injectFault(Fault.status(503).times(1).onPath("/v2/users"));
            answers.add(send(template, "mapiq:users?operation=list", null));
            // tokens of two seconds are refreshed at half their lifetime: wait past it, then call again
            Thread.sleep(1_200);
            answers.add(send(template, "mapiq:users?operation=get", user));
            answers.add(send(template, "mapiq:raw?path=/v2/spaces/buildings", null));
            answers.add(send(template, "mapiq:checkin-events",
                    Map.of("userId", user, "buildingId", building, "eventType", "AtTheOffice", "source", "AccessGate")));
            answers.add(send(template, "mapiq:occupancy",
                    "[{\"spaceId\":\"room-1\",\"timestamp\":\"2026-03-02T08:00:00Z\",\"occupancy\":4}]"));
            answers.add(send(template, "mapiq:workspace-reservations?operation=delete", reservation));
            // a call refused with 401 (revoked token) is replayed with a new token; on a slow machine the two-second
            // token may be refreshed before the call (no 401), so this is tried until a 401 was answered
            for (int attempt = 0; attempt < 20 && !control.callCounts().containsKey(REFUSED); attempt++) {
                answers.add(send(template, "mapiq:users?operation=list", null)); // a fresh token
                control.revokeAllTokens();
                answers.add(send(template, "mapiq:raw?path=/v2/spaces/buildings", null));
            }
            lines = logs.lines();
        }
        control.clearFaults();

        assertThat(answers).allSatisfy(exchange -> assertThat(exchange.getException()).isNull());
        assertThat(control.deletedReservationIds()).containsExactly(reservation);
        assertThat(control.postedCheckins()).hasSize(1);
        assertThat(control.ingestedReadings()).hasSize(1);
        assertThat(control.callCounts()).containsKeys("GET /v2/users 503", REFUSED);
        Set<String> forbidden = new HashSet<>(control.issuedTokens());
        assertThat(forbidden).as("a fetch, a refresh and a replay each issued a token").hasSizeGreaterThanOrEqualTo(3);
        forbidden.add(SECRET);
        // a failure shows where each leak is, with the leaked value itself replaced
        List<String> leaks = lines.stream().filter(line -> forbidden.stream().anyMatch(line::contains))
                .map(line -> {
                    String shown = line;
                    for (String secret : forbidden) {
                        shown = shown.replace(secret, "<LEAKED>");
                    }
                    return shown;
                }).toList();
        assertThat(leaks).as("log lines showing the secret or a token").isEmpty();
        assertThat(lines.size()).as("lines captured").isGreaterThan(100);
        assertThat(lines).as("the capture saw HttpClient and Camel at TRACE")
                .anyMatch(line -> line.startsWith("org.apache.camel") && line.contains("mapiq"))
                .anyMatch(line -> line.startsWith("org.apache.hc.client5.http.headers")
                                  && line.contains("Authorization: xxxxxx"));
    }
}
