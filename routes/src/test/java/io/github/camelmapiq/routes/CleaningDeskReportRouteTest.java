package io.github.camelmapiq.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/cleaning-desk-report.yaml writes a CSV of today's booked desks. */
@ExtendWith(MapiqSimulatorExtension.class)
class CleaningDeskReportRouteTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @TempDir
    Path dir;


    @Test
    void everyDeskBookedTodayIsALineOfTheReport() throws Exception {
        Map<String, Object> added = SimulatorData.deskReservation(simulator, RouteFiles.today());
        int expected = SimulatorApi.v2List(simulator, "/v2/reservations/workspaces",
                "startDate=" + RouteFiles.today()).size();

        try (RouteFiles routes = RouteFiles.start(simulator,
                Map.of("cleaning.dir", dir.toString(), "cleaning.cron", "0/1 * * * * ?"),
                "routes/cleaning-desk-report.yaml")) {
            Path report = dir.resolve("desks-" + java.time.LocalDate.now() + ".csv");
            await().until(() -> Files.exists(report) && Files.readAllLines(report).size() == expected + 1);

            List<String> lines = Files.readAllLines(report);
            assertThat(lines.get(0)).isEqualTo("building,floor,desk,email,start,end");
            assertThat(lines).anySatisfy(line -> assertThat(line).contains(String.valueOf(added.get("email"))));
        }
    }
}
