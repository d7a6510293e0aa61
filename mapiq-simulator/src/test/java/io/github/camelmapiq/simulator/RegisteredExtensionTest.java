package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

class RegisteredExtensionTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(7).bareArrays(true)
            .rateLimitPerSecond(0).build();

    @Test
    void builtExtensionServesItsConfiguredSimulator(MapiqSimulator injected) {
        assertThat(injected).isSameAs(sim.simulator());
        assertThat(sim.control().count("users")).isEqualTo(7);
        Api api = new Api(sim.simulator()).login();
        assertThat(api.get("/v2/users").json().isArray()).isTrue();
    }
}
