package io.github.camelmapiq.mapiq.consumer;

import java.util.Optional;

import io.github.camelmapiq.mapiq.MapiqComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The consumer is ready after its first successful poll, and says why it is not while polls keep failing. */
class ConsumerReadinessTest extends ConsumerTestSupport {

    @Test
    void downWithTheReasonWhileTheTokenEndpointRejectsTheCredentials() throws Exception {
        CamelContext context = newContext();
        enableConsumerHealthChecks(context);
        context.getComponent("mapiq", MapiqComponent.class).getConfiguration().setClientSecret("not-the-secret");
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?" + FAST).routeId("poll").to("log:never");
            }
        });
        context.start();

        eventually().until(() -> control.tokenRequests() > 0 && readiness(context).isPresent()
                                 && readiness(context).get().getMessage().orElse("").contains("invalid_client"));
        HealthCheck.Result result = readiness(context).orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage().orElseThrow())
                .startsWith("Consumer failed polling")
                .contains("route: poll (mapiq://users)")
                .contains("refused the token request with HTTP 401: invalid_client")
                .contains("Check the clientId and clientSecret options")
                .doesNotContain("not-the-secret");
    }

    @Test
    void upAfterTheFirstSuccessfulPoll() throws Exception {
        addUser("Ready");
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        enableConsumerHealthChecks(context);
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?" + FAST).routeId("poll").process(recorder);
            }
        });
        context.start();

        eventually().until(() -> recorder.size() > 0);
        eventually().untilAsserted(() -> assertThat(readiness(context).orElseThrow().getState())
                .isEqualTo(HealthCheck.State.UP));
    }

    /** What camel-main does with {@code camel.health.consumersEnabled=true} (the default). */
    private static void enableConsumerHealthChecks(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(registry.resolveById("consumers"));
    }

    /** The readiness result of the route's consumer, as Camel's health endpoint reports it. */
    private static Optional<HealthCheck.Result> readiness(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("consumer:poll"))
                .findFirst();
    }

}
