package io.github.camelmapiq.mapiq.producer;

import java.time.Duration;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.CheckinEventType;
import io.github.camelmapiq.mapiq.client.model.CheckinSource;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users set the event type and source headers the way their DSL makes natural: the model's enum constants in Java
 * ({@code constant(CheckinEventType.AT_THE_OFFICE)}) or their names in YAML ({@code constant: NOT_AT_THE_OFFICE}). Both
 * are posted in Mapiq's spelling instead of being refused as unknown values.
 */
class CheckinEnumHeadersAcceptModelConstantsTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(4).checkinThrottle(Duration.ZERO).build();

    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:badge-java")
                        .setHeader(MapiqConstants.EVENT_TYPE, constant(CheckinEventType.AT_THE_OFFICE))
                        .setHeader(MapiqConstants.SOURCE, constant(CheckinSource.ACCESS_GATE))
                        .to("mapiq:checkin-events");
            }
        }).loadRoutes("routes/users/producer/checkin-constants.camel.yaml");
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void enumObjectsInJavaAndConstantNamesInYamlArePostedInMapiqSpelling() {
        String user = (String) sim.control().list("users").get(0).get("id");
        String building = (String) sim.control().list("buildings").get(0).get("id");
        Map<String, Object> badge = Map.of("userId", user, "buildingId", building);

        Exchange java = camel.send("direct:badge-java", badge);
        Exchange yaml = camel.send("direct:badge-constants", badge);

        assertThat(java.getException()).isNull();
        assertThat(yaml.getException()).isNull();
        assertThat(sim.control().postedCheckins()).hasSize(2)
                .anySatisfy(e -> assertThat(e).containsEntry("eventType", "AtTheOffice").containsEntry("source", "AccessGate"))
                .anySatisfy(e -> assertThat(e).containsEntry("eventType", "NotAtTheOffice").containsEntry("source", "AccessGate"));
    }
}
