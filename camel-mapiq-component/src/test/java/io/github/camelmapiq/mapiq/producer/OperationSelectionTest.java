package io.github.camelmapiq.mapiq.producer;

import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqOperation;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which operation a producer runs: the header, the option, or the resource's natural one; a wrong operation or output
 * format is refused, at startup when the endpoint options ask for it.
 */
class OperationSelectionTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(5).build();

    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void eachResourceHasItsNaturalDefault() {
        assertThat(MapiqResource.CHECKIN_EVENTS.defaultOperation()).isEqualTo(MapiqOperation.create);
        assertThat(MapiqResource.WORKSPACE_RESERVATIONS.defaultOperation()).isEqualTo(MapiqOperation.delete);
        assertThat(MapiqResource.OCCUPANCY.defaultOperation()).isEqualTo(MapiqOperation.ingest);
        assertThat(MapiqResource.RAW.defaultOperation()).isEqualTo(MapiqOperation.raw);
        assertThat(MapiqResource.WORKDAYS.defaultOperation()).isEqualTo(MapiqOperation.list);
        assertThat(MapiqResource.USERS.defaultOperation()).isEqualTo(MapiqOperation.list);
    }

    @Test
    void theHeaderOverridesTheOption() {
        String userId = (String) sim.control().list("users").get(0).get("id");

        Exchange exchange = camel.send("mapiq:users?operation=list", userId, Map.of(MapiqConstants.OPERATION, "get"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(userId);
    }

    @Test
    void anUnsupportedOperationNamesOperationResourceAndAllowedOnes() {
        sim.control().resetCounters();
        Exchange exchange = camel.send("mapiq:users", "x", Map.of(MapiqConstants.OPERATION, MapiqOperation.delete));
        Exchange unknown = camel.send("mapiq:checkin-events", "x", Map.of(MapiqConstants.OPERATION, "purge"));

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Operation 'delete' is not supported by mapiq:users; allowed operations: list, get");
        assertThat(unknown.getException()).hasMessage(
                "Unknown operation 'purge' in header CamelMapiqOperation; mapiq:checkin-events allows: list, create");
        assertThat(sim.control().callCounts()).isEmpty();
    }

    @Test
    void anUnsupportedOperationOptionFailsTheRouteAtStartup() {
        assertThatThrownBy(() -> SimulatedCamel.start(sim.simulator(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:wrong").to("mapiq:occupancy?operation=list");
            }
        })).rootCause()
                .hasMessage("Operation 'list' is not supported by mapiq:occupancy; allowed operations: ingest");
    }

    @Test
    void outputFormatV1OnAResourceV1DidNotHaveFailsTheRouteAtStartup() {
        assertThatThrownBy(() -> SimulatedCamel.start(sim.simulator(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:workdays").to("mapiq:workdays?startDate=today&outputFormat=v1");
            }
        })).rootCause().hasMessageStartingWith("outputFormat=v1 is not available for mapiq:workdays: v1 had no such "
                                               + "resource.");
    }
}
