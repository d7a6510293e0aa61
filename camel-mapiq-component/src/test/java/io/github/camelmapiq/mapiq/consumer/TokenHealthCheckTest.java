package io.github.camelmapiq.mapiq.consumer;

import java.util.Optional;

import io.github.camelmapiq.mapiq.MapiqComponent;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's readiness check says whether a token can be obtained, names the token endpoint's refusal without the
 * secret, and is left out when the component's health-check switches are off.
 */
class TokenHealthCheckTest extends ConsumerTestSupport {

    @Test
    void upWhenATokenCanBeObtained() {
        CamelContext context = newContext();
        context.start();
        HealthCheck.Result result = tokenCheck(context).orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsKey(sim.tokenUrl() + " #1.token.expires.at");
        long fetched = control.tokenRequests();
        tokenCheck(context);
        assertThat(control.tokenRequests()).as("a fresh token is not fetched again").isEqualTo(fetched);
    }

    @Test
    void downWithTheRefusalButNotTheSecret() {
        CamelContext context = newContext();
        context.getComponent("mapiq", MapiqComponent.class).getConfiguration().setClientSecret("not-the-secret");
        context.start();
        HealthCheck.Result result = tokenCheck(context).orElseThrow();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(result.getMessage().orElseThrow()).startsWith("no Mapiq token for " + sim.tokenUrl() + " #1: ")
                .contains("invalid_client").doesNotContain("not-the-secret");
        assertThat(result.getDetails().get("failure.reason")).as("the reason as a detail, which Actuator shows")
                .isEqualTo(result.getMessage().orElseThrow());
    }

    @Test
    void absentWhenTheComponentsHealthChecksAreSwitchedOff() {
        CamelContext context = newContext();
        MapiqComponent mapiq = context.getComponent("mapiq", MapiqComponent.class);
        mapiq.setHealthCheckConsumerEnabled(false);
        mapiq.setHealthCheckProducerEnabled(false);
        context.start();
        long before = control.tokenRequests();
        assertThat(tokenCheck(context)).isEmpty();
        assertThat(control.tokenRequests()).isEqualTo(before);
    }

    private static Optional<HealthCheck.Result> tokenCheck(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("component:mapiq:token"))
                .findFirst();
    }
}
