package io.github.camelmapiq.mapiq.consumer;

import io.github.camelmapiq.mapiq.MapiqTestSupport;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A consumer asking for {@code outputFormat=v1} on a resource the v1 API did not have fails when the route starts,
 * naming the option and the values it accepts, instead of starting and failing every record at every poll. No call
 * reaches Mapiq.
 */
class OutputFormatV1OnAResourceV1LackedFailsAtStartupTest extends ConsumerTestSupport {

    private static final String EXPECTED = "outputFormat=v1 is not available for mapiq:workdays: v1 had no such "
                                           + "resource. It renders workspace-reservations, parking-reservations, "
                                           + "checkin-events, checkin-statuses, users, buildings and parking-lots; use "
                                           + "pojo, map or json.";

    @Test
    void aJavaRouteFailsAtStartup() {
        CamelContext context = newContext();

        String messages = startupMessages(context, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:workdays?outputFormat=v1").to("log:never");
            }
        }));

        assertThat(messages).contains(EXPECTED);
    }

    @Test
    void aYamlRouteFailsAtStartup() {
        CamelContext context = newContext();

        String messages = startupMessages(context, () -> PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveMandatoryResource(context, "classpath:routes/misconfigured/workdays-as-v1.camel.yaml")));

        assertThat(messages).contains(EXPECTED);
    }

    @Test
    void aResourceV1HadStartsWithV1Output() throws Exception {
        CamelContext context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?outputFormat=v1&" + FAST).to("log:users");
            }
        });

        context.start();

        assertThat(context.getRouteController().getRouteStatus(context.getRoutes().get(0).getRouteId()).isStarted())
                .isTrue();
    }

    private interface RouteLoading {
        void load() throws Exception;
    }

    /** Every message of the startup failure; also checks that the failed start made no call. */
    private String startupMessages(CamelContext context, RouteLoading routes) {
        long calls = control.callCounts().values().stream().mapToLong(Long::longValue).sum();
        Throwable error = catchThrowable(() -> {
            routes.load();
            context.start();
        });
        assertThat(error).as("the route must not start").isNotNull();
        assertThat(context.isStarted()).isFalse();
        assertThat(control.callCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(calls);
        return MapiqTestSupport.messages(error);
    }
}
