package io.github.camelmapiq.examples.springboot;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.UseAdviceWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole application with the {@code simulator} profile, over real HTTP on loopback: both routes poll the embedded
 * simulator with the component options of {@code application.yaml}, bound by {@code camel-mapiq-starter} with no
 * code of the application's, the Java route counts what the simulator holds,
 * and the client secret shows nowhere in the output.
 * <p>
 * {@code @UseAdviceWith} keeps Camel from starting with Spring, so each route gets a {@code mock:} endpoint at its
 * end before its first poll; the output capture starts before Spring does, so the whole startup log is checked.
 */
@CamelSpringBootTest
@UseAdviceWith
@SpringBootTest(properties = {
        "camel.main.run-controller=false",
        // both routes are checked on their first poll; no second one during the test
        "example.poll-delay=3600000",
        // the component at its most talkative: still no secret
        "logging.level.io.github.camelmapiq=DEBUG" })
@ActiveProfiles("simulator")
@ExtendWith(OutputCaptureExtension.class)
class SpringBootApplicationPollsMapiqWithOptionsFromApplicationYamlTest {

    @Autowired
    CamelContext context;

    @Autowired
    MapiqSimulator simulator;

    @Test
    void routesPollTheSimulatorWithTheComponentOptionsOfApplicationYaml(CapturedOutput output) throws Exception {
        AdviceWith.adviceWith(context, OfficeWeekRoute.ROUTE_ID, a -> a.weaveAddLast().to("mock:office-week"));
        AdviceWith.adviceWith(context, "presence", a -> a.weaveAddLast().to("mock:presence"));
        MockEndpoint officeWeek = context.getEndpoint("mock:office-week", MockEndpoint.class);
        MockEndpoint presence = context.getEndpoint("mock:presence", MockEndpoint.class);
        officeWeek.expectedMessageCount(1);
        presence.expectedMessageCount(1);

        context.start();
        MockEndpoint.assertIsSatisfied(context);

        // the Java route: the coming week's office days per building, as the simulator holds them
        assertThat(officeWeek.getExchanges().get(0).getMessage().getBody(Map.class))
                .isEqualTo(officeDaysPerBuildingName(LocalDate.now(), LocalDate.now().plusDays(6)))
                .isNotEmpty();
        assertThat(simulator.control().calls("GET", "/v2/workdays")).isPositive();
        assertThat(simulator.control().calls("GET", "/v2/spaces/buildings")).isPositive();
        // the YAML route from camel/presence.yaml: every user's status
        assertThat(presence.getExchanges().get(0).getMessage().getBody(List.class))
                .hasSize(simulator.control().list("checkin-statuses").size());
        assertThat(simulator.control().calls("GET", "/v2/user-locations/checkin-statuses")).isPositive();
        // one token for both routes: the credentials live on the component, not on the endpoints
        assertThat(simulator.control().tokenRequests()).isEqualTo(1);

        // the component options came from application.yaml (and application-simulator.yaml), through the starter
        MapiqConfiguration configuration = context.getComponent("mapiq", MapiqComponent.class).getConfiguration();
        assertThat(configuration.getBaseUrl()).isEqualTo(simulator.baseUrl());
        assertThat(configuration.getTokenUrl()).isEqualTo(simulator.tokenUrl());
        assertThat(configuration.getClientId()).isEqualTo(MapiqSimulator.DEMO_CLIENT_ID);
        assertThat(configuration.getReadTimeout()).as("read-timeout: 20s").isEqualTo(20_000L);
        assertThat(configuration.getPageSize()).as("page-size: 500, not the default 100").isEqualTo(500);
        assertThat(configuration.getMaxRetries()).as("not in application.yaml: the component's default").isEqualTo(3);

        // the secret is nowhere: not in endpoint URIs, not in the Spring Boot and Camel startup logs
        assertThat(context.getEndpoints()).extracting(Endpoint::getEndpointUri)
                .isNotEmpty()
                .noneMatch(uri -> uri.contains(MapiqSimulator.DEMO_CLIENT_SECRET));
        assertThat(output.getAll())
                .contains("Started SpringBootApplicationPollsMapiqWithOptionsFromApplicationYamlTest")
                .contains("Started office-week (mapiq://workdays")
                .contains("Started presence (mapiq://checkin-statuses")
                .contains("Office days booked for the coming 7 days, per building: {")
                .doesNotContain(MapiqSimulator.DEMO_CLIENT_SECRET);
    }

    /** The simulator's office workdays from {@code first} to {@code last}, counted per building name. */
    private Map<String, Long> officeDaysPerBuildingName(LocalDate first, LocalDate last) {
        Map<Object, Object> names = simulator.control().list("buildings").stream()
                .collect(Collectors.toMap(b -> b.get("id"), b -> b.get("name")));
        return simulator.control().list("workdays").stream()
                .filter(w -> "Office".equals(w.get("status")))
                .filter(w -> {
                    LocalDate date = LocalDate.parse((String) w.get("date"));
                    return !date.isBefore(first) && !date.isAfter(last);
                })
                .collect(Collectors.groupingBy(w -> (String) names.get(w.get("buildingId")), TreeMap::new,
                        Collectors.counting()));
    }
}
