package io.github.camelmapiq.routes;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Kamelets of kamelets/, loaded from disk as Camel K and Karavan load them. */
@ExtendWith(MapiqSimulatorExtension.class)
class KameletsTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    private static String credentials() {
        return "clientId=" + MapiqSimulator.DEMO_CLIENT_ID + "&clientSecret=" + MapiqSimulator.DEMO_CLIENT_SECRET
               + "&baseUrl=" + simulator.baseUrl() + "&tokenUrl=" + simulator.tokenUrl();
    }

    @Test
    void sourceSendsEveryUserAsJson() throws Exception {
        int users = simulator.control().count("users");
        try (RouteFiles routes = RouteFiles.start(simulator, Map.of())) {
            routes.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("kamelet:mapiq-source?resource=users&delay=60000&" + credentials()).to("mock:users");
                }
            });
            MockEndpoint mock = routes.context().getEndpoint("mock:users", MockEndpoint.class);
            await().until(() -> mock.getReceivedCounter() >= users);
            assertThat(mock.getExchanges().get(0).getMessage().getBody(String.class)).startsWith("{").contains("\"email\"");
            assertThat(mock.getExchanges().get(0).getMessage().getHeader("Content-Type")).isEqualTo("application/json");
        }
    }

    @Test
    void checkinSinkPostsTheEvent() throws Exception {
        Object user = SimulatorData.firstUser(simulator).get("id");
        Object building = SimulatorData.firstBuilding(simulator).get("id");
        int before = simulator.control().postedCheckins().size();
        try (RouteFiles routes = RouteFiles.start(simulator, Map.of())) {
            routes.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:gate").to("kamelet:mapiq-checkin-sink?" + credentials());
                }
            });
            ProducerTemplate template = routes.context().createProducerTemplate();
            String stored = template.requestBody("direct:gate",
                    "{\"userId\":\"" + user + "\",\"buildingId\":\"" + building
                                                + "\",\"eventType\":\"AtTheOffice\",\"source\":\"AccessGate\",\"timestamp\":\""
                                                + Instant.now() + "\"}",
                    String.class);
            assertThat(stored).contains("\"id\"").contains(String.valueOf(user));
            List<Map<String, Object>> posted = simulator.control().postedCheckins();
            assertThat(posted).hasSize(before + 1);
            assertThat(posted.get(before)).containsEntry("userId", user).containsEntry("source", "AccessGate");
        }
    }

    @Test
    void occupancySinkIngestsEveryReading() throws Exception {
        int before = simulator.control().ingestedReadings().size();
        try (RouteFiles routes = RouteFiles.start(simulator, Map.of())) {
            routes.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:sensors").to("kamelet:mapiq-occupancy-sink?chunkSize=2&" + credentials());
                }
            });
            String now = Instant.now().toString();
            routes.context().createProducerTemplate().sendBody("direct:sensors",
                    "[{\"spaceId\":\"a\",\"timestamp\":\"" + now + "\",\"occupancy\":1},"
                                                             + "{\"spaceId\":\"b\",\"timestamp\":\"" + now + "\",\"occupancy\":0},"
                                                             + "{\"spaceId\":\"c\",\"timestamp\":\"" + now + "\",\"occupancy\":3}]");
            assertThat(simulator.control().ingestedReadings()).hasSize(before + 3);
        }
    }
}
