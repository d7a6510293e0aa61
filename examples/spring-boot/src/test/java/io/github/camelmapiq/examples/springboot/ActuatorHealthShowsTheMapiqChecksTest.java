package io.github.camelmapiq.examples.springboot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole application with the {@code simulator} profile on a real Tomcat port: {@code GET /actuator/health}, read
 * over HTTP as a load balancer or Kubernetes probe would, lists Camel's health checks with the mapiq consumers'
 * readiness and the component's token check; it turns DOWN, naming the token endpoint's refusal, once the simulator's
 * token endpoint fails and the last token has run out, and UP again when it answers; the client secret and the tokens
 * the simulator issued never appear in any answer.
 * <p>
 * The simulator's tokens live 3 s here, so the component needs a new one soon after the fault is injected; the routes
 * poll once (the next poll is an hour away), so only the token check can change the status.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "camel.main.run-controller=false",
        "example.poll-delay=3600000",
        "mapiq.simulator.token-lifetime=3s" })
@ActiveProfiles("simulator")
class ActuatorHealthShowsTheMapiqChecksTest {

    private static final String TOKEN_CHECK = "component:mapiq:token";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    @LocalServerPort
    int port;

    @Autowired
    MapiqSimulator simulator;

    @Test
    void healthListsTheMapiqChecksAndTurnsDownWhenNoTokenCanBeObtained() throws Exception {
        Answer up = awaitStatus("both routes polled: every check UP", 200);
        JsonNode camel = up.body().path("components").path("camelHealth");
        assertThat(up.body().path("status").asText()).isEqualTo("UP");
        assertThat(camel.path("status").asText()).isEqualTo("UP");
        JsonNode checks = camel.path("details");
        assertThat(checks.path("consumer:office-week").asText()).isEqualTo("UP");
        assertThat(checks.path("consumer:presence").asText()).isEqualTo("UP");
        assertThat(checks.path(TOKEN_CHECK).asText()).isEqualTo("UP");
        assertThat(checks.path(TOKEN_CHECK + ".data").path(simulator.tokenUrl() + " #1.token.expires.at").asText())
                .as("the token check's details: when the token expires").matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(checks.path("context").asText()).isEqualTo("UP");
        assertNoSecretIn(up);

        simulator.control().injectFault(Fault.status(503).onPath(MapiqSimulator.TOKEN_PATH));
        Answer down = awaitStatus("the token has run out and no new one can be had", 503);
        JsonNode failing = down.body().path("components").path("camelHealth");
        assertThat(down.body().path("status").asText()).isEqualTo("DOWN");
        assertThat(failing.path("status").asText()).isEqualTo("DOWN");
        assertThat(failing.path("details").path(TOKEN_CHECK).asText()).isEqualTo("DOWN");
        assertThat(failing.path("details").path(TOKEN_CHECK + ".data").path("failure.reason").asText())
                .startsWith("no Mapiq token for " + simulator.tokenUrl() + " #1: ")
                .contains("503");
        assertThat(failing.path("details").path("consumer:office-week").asText())
                .as("no poll ran meanwhile: the consumers are still ready").isEqualTo("UP");
        assertNoSecretIn(down);

        simulator.control().clearFaults();
        Answer again = awaitStatus("a token can be had again", 200);
        assertThat(again.body().path("components").path("camelHealth").path("details").path(TOKEN_CHECK).asText())
                .isEqualTo("UP");
        assertNoSecretIn(again);
        assertThat(simulator.control().issuedTokens()).as("tokens were issued, so the scan above means something")
                .hasSizeGreaterThanOrEqualTo(2);
    }

    private void assertNoSecretIn(Answer answer) {
        assertThat(answer.text()).doesNotContain(MapiqSimulator.DEMO_CLIENT_SECRET);
        for (String token : simulator.control().issuedTokens()) {
            assertThat(answer.text()).as("an access token").doesNotContain(token);
        }
    }

    private Answer awaitStatus(String what, int status) {
        return await(what).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(this::health, a -> a.status() == status);
    }

    private Answer health() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), json.readTree(response.body()));
    }

    private record Answer(int status, String text, JsonNode body) {
    }
}
