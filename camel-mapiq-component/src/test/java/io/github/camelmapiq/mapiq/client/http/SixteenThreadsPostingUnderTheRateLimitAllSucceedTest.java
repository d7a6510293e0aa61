package io.github.camelmapiq.mapiq.client.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqTestSupport;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sixteen route threads posting check-ins at once against the production rate limit (20 requests/s per client): the
 * 429s are waited out as their {@code Retry-After} says, every exchange completes, and each check-in is posted
 * exactly once.
 */
class SixteenThreadsPostingUnderTheRateLimitAllSucceedTest {

    private static final int CHECKINS = 64;

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(CHECKINS).rateLimitPerSecond(20)
            .checkinThrottle(Duration.ZERO).build();

    @Test
    void everyCheckinIsPostedOnceAndNoExchangeFails() throws Exception {
        MapiqSimulator sim = extension.simulator();
        List<String> users = sim.control().list("users").stream().map(u -> (String) u.get("id")).toList();
        String building = (String) sim.control().list("buildings").get(0).get("id");
        sim.control().resetCounters();
        List<Exchange> done = new CopyOnWriteArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            MapiqComponent component = MapiqTestSupport.component(sim);
            component.getConfiguration().setRetryInitialDelay(500); // the production default
            context.addComponent("mapiq", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    onException(Exception.class).handled(true).process(done::add);
                    from("seda:checkins?concurrentConsumers=16&size=" + CHECKINS)
                            .to("mapiq:checkin-events")
                            .process(done::add);
                }
            });
            context.start();
            for (int i = 0; i < CHECKINS; i++) {
                context.createProducerTemplate().sendBody("seda:checkins", Map.of("userId", users.get(i),
                        "buildingId", building, "eventType", "AtTheOffice", "source", "AccessGate"));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> done.size() == CHECKINS);

            assertThat(done).allSatisfy(exchange -> assertThat(exchange.getProperty(Exchange.EXCEPTION_CAUGHT))
                    .as("no exchange failed").isNull());
            assertThat(sim.control().postedCheckins()).extracting(c -> c.get("userId"))
                    .as("each check-in posted once").containsExactlyInAnyOrderElementsOf(users.subList(0, CHECKINS));
            assertThat(sim.control().calls("POST", "/v2/user-locations/checkin-events", 429))
                    .as("the rate limit was met").isPositive();
            assertThat(component.getClients().statistics().retries())
                    .isEqualTo(sim.control().calls("POST", "/v2/user-locations/checkin-events", 429));
        }
    }
}
