package io.github.camelmapiq.mapiq.client.auth;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token the API refuses (401) is dropped and the call replayed once with a new token; a second 401 fails. */
class UnauthorizedCallIsReplayedOnceWithANewTokenTest {

    private static final String USERS = "/v2/users";

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).build();

    private MapiqSimulator sim;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().clearFaults();
    }

    @AfterEach
    void tearDown() {
        sim.control().clearFaults();
    }

    @Test
    void callAfterAllTokensWereRevokedSucceedsWithOneExtraTokenRequest() throws Exception {
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client();
            client.call("GET", USERS, null, null, CallKind.READ);
            sim.control().revokeAllTokens();
            sim.control().resetCounters();

            assertThat(client.call("GET", USERS, null, null, CallKind.READ).status()).isEqualTo(200);

            assertThat(sim.control().tokenRequests()).isEqualTo(1);
            assertThat(sim.control().calls("GET", USERS, 401)).isEqualTo(1);
            assertThat(sim.control().calls("GET", USERS, 200)).isEqualTo(1);
        }
    }

    @Test
    void aSecond401FailsWithTheApiErrorInsteadOfLooping() throws Exception {
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client();
            client.checkCredentials();
            sim.control().resetCounters();
            sim.control().injectFault(Fault.status(401).times(5).onPath(USERS));

            assertThatThrownBy(() -> client.call("GET", USERS, null, null, CallKind.READ))
                    .isInstanceOfSatisfying(MapiqApiException.class, e -> assertThat(e.getStatus()).isEqualTo(401))
                    .hasMessageStartingWith("Mapiq API GET /v2/users answered 401 Unauthorized");
            assertThat(sim.control().calls("GET", USERS, 401)).isEqualTo(2);
            assertThat(sim.control().tokenRequests()).isEqualTo(1);
        }
    }
}
