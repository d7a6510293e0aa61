package io.github.camelmapiq.mapiq.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.model.MapiqJson;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A persistent state written by an earlier release ({@code mapiq-snapshot-v1}, one deflated JSON text, or
 * {@code mapiq-snapshot-v2}, a binary list; both with SHA-256 fingerprints) is read after an upgrade: nothing already
 * delivered is sent again, changes still arrive, and the next store writes the current format.
 */
class StateStoredByThePreviousFormatIsReadAfterUpgradeTest extends ConsumerTestSupport {

    private final ObjectMapper mapper = MapiqJson.mapper();

    @ParameterizedTest
    @ValueSource(strings = { "v1", "v2" })
    void anEarlierStateNeitherRepeatsNorLosesRecords(String version) throws Exception {
        addUser("Upgrade1");
        Map<String, Object> changed = addUser("Upgrade2");
        MemoryStateRepository repository = new MemoryStateRepository();
        List<ObjectNode> users = new ArrayList<>();
        control.list("users").forEach(user -> users.add(mapper.valueToTree(user)));
        repository.setState("users-sync", "v1".equals(version)
                ? PreviousReleaseStates.v1(users, mapper, "id") : PreviousReleaseStates.v2(users, "id"));

        CamelContext context = newContext();
        context.getRegistry().bind("mapiqState", repository);
        Recorder recorder = new Recorder();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&stateRepository=#mapiqState&stateKey=users-sync&" + FAST)
                        .process(recorder);
            }
        });
        context.start();
        awaitPolls("/v2/users", 2);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> recorder.size() == 0);

        control.update("users", id(changed), Map.of("department", "Finance"));
        eventually().until(() -> recorder.size() == 1);
        assertThat(recorder.changes()).containsExactly("UPDATED " + id(changed));
        eventually().until(() -> repository.getState("users-sync").startsWith("mapiq-snapshot-v3:"));
    }
}
