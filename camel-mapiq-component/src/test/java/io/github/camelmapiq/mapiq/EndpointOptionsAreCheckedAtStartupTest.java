package io.github.camelmapiq.mapiq;

import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelmapiq.mapiq.MapiqTestSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistake in an endpoint URI stops the Camel context from starting, with a message naming the option (and, for
 * enums, the allowed values), instead of surfacing at the first call.
 */
class EndpointOptionsAreCheckedAtStartupTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).build();

    private Throwable startFailure(String uri, boolean withCredentials) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        try (context) {
            MapiqComponent component = MapiqTestSupport.component(extension.simulator());
            if (!withCredentials) {
                component.getConfiguration().setClientId(null);
                component.getConfiguration().setClientSecret(null);
            }
            context.addComponent("mapiq", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to(uri);
                }
            });
            context.start();
            return null;
        } catch (Exception e) {
            return e;
        }
    }


    @Test
    void unknownOptionIsNamed() throws Exception {
        Throwable failure = startFailure("mapiq:users?pageSize=10&colour=blue", true);

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("Unknown parameters").contains("colour");
    }

    @Test
    void badOutputFormatNamesTheValue() throws Exception {
        Throwable failure = startFailure("mapiq:users?outputFormat=xml", true);

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("outputFormat").contains("xml");
    }

    @Test
    void anUnknownEnumValueListsTheAllowedValues() throws Exception {
        Throwable operation = startFailure("mapiq:checkin-events?operation=post", true);
        Throwable format = startFailure("mapiq:users?outputFormat=xml", true);

        assertThat(messages(operation)).contains(
                "Invalid value 'post' for option operation of mapiq:checkin-events; allowed values: list, get, create, "
                                                 + "delete, ingest, raw");
        assertThat(messages(format)).contains(
                "Invalid value 'xml' for option outputFormat of mapiq:users; allowed values: pojo, map, json, v1");
    }

    @Test
    void enumValuesAreAcceptedInAnyCase() throws Exception {
        assertThat(startFailure("mapiq:checkin-events?operation=CREATE&outputFormat=Map", true)).isNull();
    }

    @Test
    void unknownResourceListsTheAllowedOnes() throws Exception {
        Throwable failure = startFailure("mapiq:desks", true);

        assertThat(messages(failure)).contains("Unknown Mapiq resource 'desks'")
                .contains("workdays, workspace-reservations, parking-reservations");
    }

    @Test
    void missingCredentialsNameBothOptions() throws Exception {
        Throwable failure = startFailure("mapiq:users", false);

        assertThat(messages(failure)).contains("Mapiq credentials missing: set clientId and clientSecret")
                .contains("{{env:MAPIQ_CLIENT_SECRET}}");
    }

    @Test
    void missingSecretAloneIsNamed() throws Exception {
        Throwable failure = startFailure("mapiq:users?clientId=someone", false);

        assertThat(messages(failure)).contains("set clientSecret on the mapiq component");
    }

    @Test
    void pageSizeOutOfRangeIsNamed() throws Exception {
        Throwable failure = startFailure("mapiq:users?pageSize=5000", true);

        assertThat(messages(failure)).contains("pageSize must be between 1 and 1000, was 5000");
    }

    @Test
    void countsBelowTheirMinimumAreNamedWhateverTheOperation() throws Exception {
        assertThat(messages(startFailure("mapiq:users?operation=get&getCacheTtl=-1", true)))
                .contains("Invalid getCacheTtl -1: must be 0 (no cache) or more");
        assertThat(messages(startFailure("mapiq:occupancy?ingestChunkSize=0", true)))
                .contains("Invalid ingestChunkSize 0: must be at least 1");
        assertThat(messages(startFailure("mapiq:users?operation=list&checkinOverlap=-5", true)))
                .contains("Invalid checkinOverlap -5: must be 0 or more");
    }

    @Test
    void aCorrectUriStarts() throws Exception {
        assertThat(startFailure("mapiq:users?pageSize=50&outputFormat=json", true)).isNull();
    }

    @Test
    void nonNumericValueNamesTheOption() throws Exception {
        Throwable failure = startFailure("mapiq:users?maxRetries=lots", true);

        assertThat(messages(failure)).contains("maxRetries").contains("lots");
    }
}
