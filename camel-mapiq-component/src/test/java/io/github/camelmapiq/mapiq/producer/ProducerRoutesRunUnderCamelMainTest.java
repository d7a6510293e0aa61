package io.github.camelmapiq.mapiq.producer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A YAML route file under Camel Main, configured with properties as {@code application.properties} would: a second
 * component instance declared in the YAML file's {@code beans} and configured by {@code camel.component.mapiq-eu.*},
 * secrets from placeholders, Camel's
 * redelivery around a check-in post, and a 404 handled by {@code ${exception.status}}. A redelivered post is stored
 * once, each instance talks to its own subscription, and the secrets reach no log line but those of the Camel loggers
 * the docs warn about.
 */
class ProducerRoutesRunUnderCamelMainTest {

    private static final String HOME_SECRET = "h0me-s3cret-77";
    private static final String EU_SECRET = "eu-s3cret-42";
    /** Camel's own loggers that print resolved placeholder values at DEBUG (see mapiq-component.adoc). */
    private static final List<String> CAMEL_PLACEHOLDER_LOGGERS = List.of("org.apache.camel.component.properties",
            "org.apache.camel.impl.engine.DefaultCamelContextExtension", "org.apache.camel.main");

    @RegisterExtension
    static MapiqSimulatorExtension home = MapiqSimulatorExtension.builder().seed(1L).users(4).build();
    @RegisterExtension
    static MapiqSimulatorExtension eu = MapiqSimulatorExtension.builder().seed(2L).users(4).build();

    @Test
    void redeliveryPostsOnceAndEachInstanceUsesItsSubscription() throws Exception {
        home.control().registerClient("home-client", HOME_SECRET, Set.of("checkins.write"));
        eu.control().registerClient("eu-client", EU_SECRET, Set.of("reservations.delete"));
        String user = (String) home.control().list("users").get(0).get("id");
        String building = (String) home.control().list("buildings").get(0).get("id");
        String euReservation = (String) eu.control().list("workspace-reservations").get(0).get("id");
        Main main = new Main();
        properties(main);
        List<String> lines;
        Object posted;
        Object deleted;
        Object gone;
        try (CapturedLogs logs = new CapturedLogs()) {
            main.start();
            try {
                ProducerTemplate template = main.getCamelContext().createProducerTemplate();
                home.control().injectFault(Fault.status(500).times(1).onPath("/v2/user-locations/checkin-events"));
                posted = template.requestBody("direct:badge", Map.of("userId", user, "buildingId", building,
                        "eventType", "AtTheOffice", "source", "Wifi"));
                deleted = template.requestBody("direct:cancel-eu", euReservation);
                gone = template.requestBody("direct:cancel-eu", "no-such-reservation");
            } finally {
                main.stop();
            }
            lines = logs.lines();
        }

        assertThat(posted).asString().doesNotStartWith("dead").contains(user);
        assertThat(home.control().postedCheckins()).singleElement()
                .satisfies(event -> assertThat(event).containsEntry("userId", user));
        assertThat(deleted).isEqualTo("deleted: " + euReservation);
        assertThat(gone).isEqualTo("gone: no-such-reservation");
        assertThat(eu.control().deletedReservationIds()).containsExactly(euReservation);
        assertThat(home.control().deletedReservationIds()).isEmpty();
        assertThat(lines).filteredOn(line -> CAMEL_PLACEHOLDER_LOGGERS.stream().noneMatch(line::startsWith))
                .isNotEmpty().noneMatch(line -> line.contains(HOME_SECRET) || line.contains(EU_SECRET));
    }

    private static void properties(Main main) {
        Map<String, String> p = Map.ofEntries(
                Map.entry("camel.main.routes-include-pattern", "classpath:routes/users/producer/checkin-errors.camel.yaml"),
                Map.entry("camel.component.mapiq.base-url", home.simulator().baseUrl()),
                Map.entry("camel.component.mapiq.token-url", home.simulator().tokenUrl()),
                Map.entry("camel.component.mapiq.client-id", "home-client"),
                Map.entry("camel.component.mapiq.client-secret", "{{mapiq.secret}}"),
                Map.entry("camel.component.mapiq.retry-initial-delay", "10"),
                Map.entry("camel.component.mapiq-eu.base-url", eu.simulator().baseUrl()),
                Map.entry("camel.component.mapiq-eu.token-url", eu.simulator().tokenUrl()),
                Map.entry("camel.component.mapiq-eu.client-id", "eu-client"),
                Map.entry("camel.component.mapiq-eu.client-secret", "{{mapiq.eu.secret}}"),
                Map.entry("mapiq.secret", HOME_SECRET),
                Map.entry("mapiq.eu.secret", EU_SECRET));
        p.forEach(main::addInitialProperty);
    }
}
