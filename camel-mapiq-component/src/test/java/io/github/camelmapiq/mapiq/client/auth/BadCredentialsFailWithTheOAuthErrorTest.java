package io.github.camelmapiq.mapiq.client.auth;

import io.github.camelmapiq.mapiq.MapiqTestSupport;
import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A refused token request names the OAuth error, its description and the token URL, and never the secret. */
class BadCredentialsFailWithTheOAuthErrorTest {

    private static final String WRONG_SECRET = "not-the-demo-secret-9f3e";

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).build();

    @Test
    void wrongSecretNamesInvalidClientAndTheTokenUrl() {
        MapiqSimulator sim = extension.simulator();
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            assertThatThrownBy(() -> clients.client(c -> c.setClientSecret(WRONG_SECRET)).checkCredentials())
                    .isInstanceOfSatisfying(MapiqAuthenticationException.class, e -> {
                        assertThat(e.getError()).isEqualTo("invalid_client");
                        assertThat(e.getStatus()).isEqualTo(401);
                        assertThat(e.getTokenUrl()).isEqualTo(sim.tokenUrl());
                    })
                    .hasMessageContaining("invalid_client")
                    .hasMessageContaining(sim.tokenUrl())
                    .hasMessageContaining("Check the clientId and clientSecret options")
                    .message().doesNotContain(WRONG_SECRET);
        }
    }

    @Test
    void wrongScopeNamesInvalidScope() {
        try (SimulatorClients clients = new SimulatorClients(extension.simulator())) {
            assertThatThrownBy(() -> clients.client(c -> c.setScope("https://example.com/other")).checkCredentials())
                    .isInstanceOf(MapiqAuthenticationException.class)
                    .hasMessageContaining("invalid_scope")
                    .hasMessageContaining("Check the scope option");
        }
    }

    @Test
    void failFastEndpointStopsTheRouteFromStartingWithTheOAuthError() {
        MapiqSimulator sim = extension.simulator();
        DefaultCamelContext context = new DefaultCamelContext();
        try (context) {
            context.addComponent("mapiq", MapiqTestSupport.component(sim));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:start").to("mapiq:users?failFast=true&clientSecret=" + WRONG_SECRET);
                }
            });
            assertThatThrownBy(context::start)
                    .rootCause()
                    .isInstanceOf(MapiqAuthenticationException.class)
                    .hasMessageContaining("invalid_client")
                    .hasMessageContaining(sim.tokenUrl())
                    .message().doesNotContain(WRONG_SECRET);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
