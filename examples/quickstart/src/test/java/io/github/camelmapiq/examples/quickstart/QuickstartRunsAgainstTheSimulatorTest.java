package io.github.camelmapiq.examples.quickstart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main job: the quickstart's routes run once against the simulator and do what they say. */
class QuickstartRunsAgainstTheSimulatorTest {

    @TempDir
    Path output;

    @Test
    void writesTodaysDesksAndChecksInOneUser() throws Exception {
        try (MapiqSimulator simulator = MapiqSimulator.builder().start()) {
            Properties properties = QuickstartApplication.simulatorProperties(simulator);
            properties.setProperty("quickstart.outputDir", output.toString());

            QuickstartApplication.run(properties);

            Path report = output.resolve("desks-" + LocalDate.now(ZoneId.systemDefault()) + ".json");
            assertThat(report).exists();
            JsonNode desks = new ObjectMapper().readTree(Files.readString(report));
            assertThat(desks.isArray()).as("a JSON array of reservations").isTrue();
            desks.forEach(d -> assertThat(d.has("id") && d.has("userId") && d.has("startTime")).isTrue());

            List<Map<String, Object>> checkins = simulator.control().postedCheckins();
            assertThat(checkins).hasSize(1);
            assertThat(checkins.get(0)).containsEntry("eventType", "AtTheOffice").containsEntry("source", "AccessGate");
            assertThat(simulator.control().tokenRequests()).as("one token shared by every route").isEqualTo(1);
        }
    }
}
