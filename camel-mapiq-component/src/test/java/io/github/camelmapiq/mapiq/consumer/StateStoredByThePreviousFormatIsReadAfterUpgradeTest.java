package io.github.camelmapiq.mapiq.consumer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.model.MapiqJson;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A persistent state written by the previous release (format {@code mapiq-snapshot-v1}, one deflated JSON text) is
 * read after an upgrade: nothing already delivered is sent again, changes still arrive, and the next store writes the
 * current format.
 */
class StateStoredByThePreviousFormatIsReadAfterUpgradeTest extends ConsumerTestSupport {

    private final ObjectMapper mapper = MapiqJson.mapper();

    @Test
    void aVersionOneStateNeitherRepeatsNorLosesRecords() throws Exception {
        addUser("Upgrade1");
        Map<String, Object> changed = addUser("Upgrade2");
        MemoryStateRepository repository = new MemoryStateRepository();
        repository.setState("users-sync", "mapiq-snapshot-v1:" + versionOneStateOfEveryUser());

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
        eventually().until(() -> repository.getState("users-sync").startsWith("mapiq-snapshot-v2:"));
    }

    /** What the previous release stored for the users now in the simulator. */
    private String versionOneStateOfEveryUser() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new DeflaterOutputStream(Base64.getEncoder().wrap(bytes)),
                StandardCharsets.UTF_8)) {
            for (Map<String, Object> user : control.list("users")) {
                ObjectNode record = mapper.valueToTree(user);
                out.write("[" + mapper.writeValueAsString(id(user)) + ",null,\""
                          + Long.toHexString(RecordFingerprint.of(record)) + "\"," + record + "]\n");
            }
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
