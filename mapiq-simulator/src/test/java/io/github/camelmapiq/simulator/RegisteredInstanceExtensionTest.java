package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** An extension in an instance field gives each test its own simulator, and closes it after that test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredInstanceExtensionTest {

    static int firstPort;

    @RegisterExtension
    MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(2).rateLimitPerSecond(0).build();

    @Test
    @Order(1)
    void firstTestGetsASimulator(MapiqSimulator injected) {
        assertThat(injected).isSameAs(sim.simulator());
        assertThat(new Api(injected).login().get("/v2/users").items()).hasSize(2);
        firstPort = injected.port();
    }

    @Test
    @Order(2)
    void theFirstTestsSimulatorWasClosed() {
        assumeTrue(firstPort > 0 && firstPort != sim.simulator().port());
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", firstPort), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }
}
