package io.github.camelmapiq.mapiq.client.http;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqAuthenticationException;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token endpoint hiccup (5xx, dropped connection) is retried; a refusal such as invalid_client is not. */
class TokenRequestsAreRetriedThroughTransientFailuresTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).build();

    private MapiqSimulator sim;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().clearFaults();
        sim.control().resetCounters();
    }

    @AfterEach
    void tearDown() {
        sim.control().clearFaults();
    }

    @Test
    void serviceUnavailableAndResetTokenEndpointIsAskedAgain() throws Exception {
        sim.control().injectFault(Fault.status(503).times(1).onPath(MapiqSimulator.TOKEN_PATH));
        sim.control().injectFault(Fault.connectionReset().times(1).onPath(MapiqSimulator.TOKEN_PATH));
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client();

            assertThat(client.call("GET", "/v2/users", null, null, CallKind.READ).status()).isEqualTo(200);
            assertThat(sim.control().tokenRequests()).isEqualTo(3);
        }
    }

    @Test
    void refusedCredentialsAreNotAskedAgain() {
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client(c -> c.setClientSecret("wrong"));

            assertThatThrownBy(client::checkCredentials).isInstanceOf(MapiqAuthenticationException.class);
            assertThat(sim.control().tokenRequests()).isEqualTo(1);
        }
    }
}
