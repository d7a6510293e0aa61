package io.github.camelmapiq.mapiq.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reads survive 429 (honouring Retry-After), 5xx and dropped connections, deliver every record exactly once, and give
 * up after maxRetries with the API's error.
 */
class ReadsAreRetriedThroughTransientFailuresTest {

    private static final String USERS = "/v2/users";

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(30).rateLimitPerSecond(0).build();

    private MapiqSimulator sim;
    private SimulatorClients fixture;
    private MapiqHttpClient client;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().clearFaults();
        sim.control().resetCounters();
        fixture = new SimulatorClients(sim);
        client = fixture.client();
    }

    @AfterEach
    void tearDown() {
        sim.control().clearFaults();
        fixture.close();
    }

    private List<String> listUserIds(MapiqHttpClient c, int pageSize) throws Exception {
        List<String> ids = new ArrayList<>();
        c.list(USERS, Map.of(), pageSize, r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private List<String> simulatorUserIds() {
        return sim.control().list("users").stream().map(u -> (String) u.get("id")).toList();
    }

    @Test
    void serviceUnavailableTwiceIsRetriedAndEveryRecordArrivesOnce() throws Exception {
        sim.control().injectFault(Fault.status(503).times(2).onPath(USERS));

        assertThat(listUserIds(client, 100)).containsExactlyElementsOf(simulatorUserIds());
        assertThat(sim.control().calls("GET", USERS, 503)).isEqualTo(2);
        assertThat(sim.control().calls("GET", USERS, 200)).isEqualTo(1);
        assertThat(fixture.clients().statistics().retries()).isEqualTo(2);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterThenSucceeds() throws Exception {
        sim.control().injectFault(Fault.status(429).retryAfterSeconds(1).times(1).onPath(USERS));

        assertThat(listUserIds(client, 100)).containsExactlyElementsOf(simulatorUserIds());
        assertThat(sim.control().calls("GET", USERS, 429)).isEqualTo(1);
        assertThat(sim.control().calls("GET", USERS, 200)).isEqualTo(1);
    }

    @Test
    void connectionResetsAreRetried() throws Exception {
        sim.control().injectFault(Fault.connectionReset().times(2).onPath(USERS));

        assertThat(listUserIds(client, 100)).containsExactlyElementsOf(simulatorUserIds());
        assertThat(fixture.clients().statistics().retries()).isEqualTo(2);
    }

    @Test
    void aPageCutOffBeforeItsFirstRecordIsAskedAgainWithoutDuplicates() throws Exception {
        // one record per page: half an answer never holds a whole record, so nothing was delivered yet
        sim.control().injectFault(Fault.truncatedJson().times(3).onPath(USERS));

        assertThat(listUserIds(client, 1)).containsExactlyElementsOf(simulatorUserIds());
        assertThat(fixture.clients().statistics().retries()).isEqualTo(3);
    }

    @Test
    void aPageCutOffAfterManyRecordsIsAskedAgainWithoutDuplicates() throws Exception {
        // a page is read whole before any of its records is handed on, so a cut-off page has delivered nothing yet
        sim.control().injectFault(Fault.truncatedJson().times(1).onPath(USERS));

        assertThat(listUserIds(client, 100)).containsExactlyElementsOf(simulatorUserIds());
        assertThat(fixture.clients().statistics().retries()).isEqualTo(1);
    }

    @Test
    void malformedJsonFailsClearlyAndIsNotRetried() {
        sim.control().injectFault(Fault.malformedJson().times(1).onPath(USERS));

        assertThatThrownBy(() -> listUserIds(client, 100))
                .isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("Mapiq API GET /v2/users answered malformed JSON");
        assertThat(sim.control().calls("GET", USERS)).isEqualTo(1);
    }

    @Test
    void persistentServerErrorsFailAfterMaxRetriesWithTheApiError() {
        sim.control().injectFault(Fault.status(500).times(10).onPath(USERS));
        MapiqHttpClient twoRetries = fixture.client(c -> c.setMaxRetries(2));

        assertThatThrownBy(() -> listUserIds(twoRetries, 100))
                .isInstanceOfSatisfying(MapiqApiException.class, e -> assertThat(e.getStatus()).isEqualTo(500))
                .hasMessageStartingWith("Mapiq API GET /v2/users answered 500 Internal Server Error");
        assertThat(sim.control().calls("GET", USERS, 500)).isEqualTo(3);
    }
}
