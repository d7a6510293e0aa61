package io.github.camelmapiq.mapiq.producer;

import java.util.List;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelmapiq.mapiq.MapiqTestSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each producer operation works from the settings its endpoint checked when it started: changing the endpoint's
 * configuration object afterwards (as a bean or a management tool might) changes nothing until the endpoint starts
 * again, and a bad value is refused when the route starts, not at the first exchange.
 */
class ProducerOperationsKeepTheOptionsCheckedAtStartupTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(10).build();

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
    void deleteKeepsIgnoreNotFoundAsItStarted() {
        String uri = "mapiq:workspace-reservations?operation=delete&ignoreNotFound=true";
        Exchange first = camel.send(uri, "no-such-reservation");
        camel.context.getEndpoint(uri, MapiqEndpoint.class).getConfiguration().setIgnoreNotFound(false);
        Exchange second = camel.send(uri, "no-such-reservation-either");

        for (Exchange e : List.of(first, second)) {
            assertThat(e.getException()).isNull();
            assertThat(e.getMessage().getHeader(MapiqConstants.ALREADY_DELETED)).isEqualTo(true);
            assertThat(e.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(404);
        }
    }

    @Test
    void rawKeepsItsMethodAndPathAsItStarted() {
        String uri = "mapiq:raw?method=get&path=/v2/spaces/buildings";
        Exchange first = camel.send(uri, null);
        MapiqEndpoint endpoint = camel.context.getEndpoint(uri, MapiqEndpoint.class);
        endpoint.getConfiguration().setMethod("DELETE");
        endpoint.getConfiguration().setPath("/v2/users");
        Exchange second = camel.send(uri, null);

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getBody(String.class)).isEqualTo(first.getMessage().getBody(String.class))
                .contains("\"items\"");
    }

    @Test
    void aRawMethodOutsideTheAllowedOnesStopsTheRouteFromStarting() {
        assertThat(startFailure("mapiq:raw?path=/v2/users&method=FETCH")).contains(
                "Invalid HTTP method 'FETCH' in option method of mapiq:raw; allowed values: GET, POST, PUT, PATCH, "
                                                                                + "DELETE");
    }

    @Test
    void aNegativeThrottleWindowIsRefusedNamingTheOption() {
        assertThat(startFailure("mapiq:checkin-events?operation=create&coalesceCheckins=true"
                                + "&checkinThrottleWindow=-1000"))
                .contains("Invalid checkinThrottleWindow -1000: must be 0 or more");
    }

    /** The messages of the failure of a Camel context whose one route sends to {@code uri}. */
    private static String startFailure(String uri) {
        try (SimulatedCamel other = SimulatedCamel.start(sim.simulator(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:call").to(uri);
            }
        })) {
            throw new AssertionError("the context started with " + uri);
        } catch (Exception e) {
            return messages(e);
        }
    }
}
