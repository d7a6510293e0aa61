package io.github.camelmapiq.routes;

import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/occupancy-sensors.yaml ingests every reading of a sensor file, in chunks. */
@ExtendWith(MapiqSimulatorExtension.class)
class OccupancySensorsRouteTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @TempDir
    Path sensors;


    @Test
    void everyReadingOfALargeFileIsIngestedOnce() throws Exception {
        String timestamp = Instant.now().toString();
        String readings = IntStream.range(0, 1_234)
                .mapToObj(i -> "{\"spaceId\":\"space-" + i + "\",\"timestamp\":\"" + timestamp + "\",\"occupancy\":" + (i % 5) + "}")
                .collect(Collectors.joining(",", "[", "]"));

        try (RouteFiles routes = RouteFiles.start(simulator, Map.of("sensors.dir", sensors.toString()),
                "routes/occupancy-sensors.yaml")) {
            Files.writeString(sensors.resolve("floor-3.json"), readings);
            await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(sensors.resolve(".camel/floor-3.json")));

            assertThat(simulator.control().ingestedReadings()).hasSize(1_234);
            assertThat(simulator.control().ingestedReadings()).extracting(r -> r.get("spaceId")).doesNotHaveDuplicates();
            assertThat(simulator.control().calls("POST", "/v2/occupancy", 202)).as("chunks of 500").isEqualTo(3);
        }
    }
}
