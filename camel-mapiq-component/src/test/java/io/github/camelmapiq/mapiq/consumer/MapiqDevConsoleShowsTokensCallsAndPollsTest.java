package io.github.camelmapiq.mapiq.consumer;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqClientSettings;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar registers a {@code mapiq} dev console, which answers in text and JSON with no secret or token in either. */
class MapiqDevConsoleShowsTokensCallsAndPollsTest extends ConsumerTestSupport {

    @Test
    void consoleShowsComponentEndpointAndConsumerInTextAndJson() throws Exception {
        addUser("Ada");
        addUser("Bob");
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?delay=60000&initialDelay=0&changesOnly=true").routeId("poll").process(recorder);
            }
        });
        context.start();
        eventually().until(() -> recorder.size() == 2);
        DevConsole console = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class)
                .resolveById("mapiq");
        eventually().until(() -> "SUCCESS".equals(consumerJson(console).get("lastPollOutcome")));

        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        JsonObject component = (JsonObject) json.getCollection("components").iterator().next();
        assertThat(component.getString("name")).isEqualTo("mapiq");
        JsonObject credentials = (JsonObject) component.getCollection("credentials").iterator().next();
        assertThat(credentials.getString("credentials")).isEqualTo(sim.tokenUrl() + " #1");
        assertThat(credentials.getLong("tokenRequests")).isEqualTo(1L);
        assertThat(credentials.getString("tokenExpiresAt")).isNotNull();
        JsonObject endpoint = (JsonObject) json.getCollection("endpoints").iterator().next();
        assertThat(endpoint.getString("resource")).isEqualTo("users");
        assertThat(endpoint.getLong("calls")).isEqualTo(control.calls("GET", "/v2/users"));
        JsonObject consumer = consumerJson(console);
        assertThat(consumer.getString("routeId")).isEqualTo("poll");
        assertThat(consumer.getLong("recordsDelivered")).isEqualTo(2L);
        assertThat(((Map<?, ?>) consumer.get("changes")).get("CREATED")).isEqualTo(2L);
        assertThat(consumer.getString("stateKey")).isEqualTo("mapiq:users:/v2/users");
        assertThat(consumer.getLong("pagesRead")).isEqualTo(1L);

        String text = (String) console.call(DevConsole.MediaType.TEXT);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("Component mapiq: " + component.getLong("calls") + " calls, 0 retries, 0 failures");
        assertThat(lines.get(1)).isEqualTo("    Credentials " + sim.tokenUrl() + " #1: token obtained at "
                                           + credentials.getString("tokenObtainedAt") + ", expires at "
                                           + credentials.getString("tokenExpiresAt") + ", 1 requests, 0 failures");
        assertThat(lines.get(2)).startsWith("Endpoint mapiq://users?")
                .endsWith(": " + endpoint.getLong("calls") + " calls, 0 retries, 0 429 waits (0 ms), errors {}, 1 pages read");
        assertThat(lines.get(3)).startsWith("Consumer of route poll (users): last poll "
                                            + consumer.getString("lastPollStarted") + " to "
                                            + consumer.getString("lastPollEnded"))
                .endsWith(" SUCCESS; next poll due " + consumer.getString("nextPollDue"));
        assertThat(lines.get(4)).isEqualTo("    2 records delivered, changes {CREATED=2, UPDATED=0, DELETED=0}, "
                                           + "1 pages read; state mapiq:users:/v2/users (" + consumer.getLong("stateSize")
                                           + " entries, 2 records in memory), cursor null");
        assertThat(lines).hasSize(5);

        String token = context.getComponent("mapiq", MapiqComponent.class).getClients()
                .tokenManager(MapiqClientSettings.credentials(
                        context.getComponent("mapiq", MapiqComponent.class).getConfiguration()))
                .token().value();
        for (String output : List.of(text, json.toJson())) {
            assertThat(output).doesNotContain(MapiqSimulator.DEMO_CLIENT_SECRET).doesNotContain(token)
                    .doesNotContain(MapiqSimulator.DEMO_CLIENT_ID);
        }
    }

    private static JsonObject consumerJson(DevConsole console) {
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        return (JsonObject) json.getCollection("consumers").iterator().next();
    }
}
