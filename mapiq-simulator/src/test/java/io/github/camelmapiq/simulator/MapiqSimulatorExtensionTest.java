package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(MapiqSimulatorExtension.class)
@MapiqSimulatorConfig(users = 12, rateLimitPerSecond = 0, tokenLifetimeSeconds = 120)
class MapiqSimulatorExtensionTest {

    @SimulatorInstance
    static MapiqSimulator staticField;

    @SimulatorInstance
    SimulatorControl controlField;

    private final MapiqSimulator fromConstructor;

    MapiqSimulatorExtensionTest(MapiqSimulator sim) {
        this.fromConstructor = sim;
    }

    @Test
    void injectsOneConfiguredSimulatorEverywhere(MapiqSimulator sim, SimulatorControl control) {
        assertThat(sim).isSameAs(fromConstructor).isSameAs(staticField);
        assertThat(control).isSameAs(sim.control()).isSameAs(controlField);
        assertThat(control.count("users")).isEqualTo(12);
        Api api = new Api(sim).login();
        assertThat(api.get("/v2/users").status()).isEqualTo(200);
        assertThat(api.tokenRequest(TokenEndpointTest.valid()).json().get("expires_in").asLong()).isEqualTo(120);
    }

    @Nested
    class NestedTests {
        @Test
        void nestedClassSharesTheOuterSimulator(MapiqSimulator sim) {
            assertThat(sim).isSameAs(fromConstructor);
        }
    }
}
