package io.github.camelmapiq.mapiq.consumer;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Without {@code delay}, a consumer polls once a minute (a rate-limited API), and the catalog says so. */
class ConsumersPollOnceAMinuteByDefaultTest extends ConsumerTestSupport {

    @Test
    void theDefaultDelayIsOneMinuteAndAnExplicitOneWins() throws Exception {
        CamelContext context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users").routeId("default").autoStartup(false).to("log:x");
                from("mapiq:buildings?delay=5s").routeId("explicit").autoStartup(false).to("log:x");
            }
        });
        context.start();
        assertThat(((MapiqPollingConsumer) context.getRoute("default").getConsumer()).getDelay()).isEqualTo(60_000L);
        assertThat(((MapiqPollingConsumer) context.getRoute("explicit").getConsumer()).getDelay()).isEqualTo(5_000L);
    }

    @Test
    void theCatalogShowsTheOneMinuteDefault() throws Exception {
        String json;
        try (var in = getClass().getResourceAsStream("/META-INF/io/github/camelmapiq/mapiq/mapiq.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(json).contains("\"delay\": { \"index\"").containsPattern("\"delay\": \\{[^}]*\"defaultValue\": \"60000\"");
    }
}
