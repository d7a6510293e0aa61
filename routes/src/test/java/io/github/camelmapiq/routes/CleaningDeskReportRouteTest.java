package io.github.camelmapiq.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** routes/cleaning-desk-report.yaml writes a CSV of today's booked desks, one line per desk. */
@ExtendWith(MapiqSimulatorExtension.class)
class CleaningDeskReportRouteTest {

    private static final String HEADER = "building,floor,desk,email,start,end";

    @SimulatorInstance
    static MapiqSimulator simulator;

    @TempDir
    Path dir;

    @Test
    void everyDeskBookedTodayIsALineOfTheReport() throws Exception {
        // "today" as the route reads it (mapiq.timeZone=UTC in these tests); three bookings of our own, so that the
        // report has several lines whatever the weekday's demo data holds
        LocalDate today = RouteFiles.today();
        List<Map<String, Object>> users = simulator.control().list("users");
        List<Map<String, Object>> added = List.of(
                SimulatorData.deskReservation(simulator, today, users.get(0)),
                SimulatorData.deskReservation(simulator, today, users.get(1)),
                SimulatorData.deskReservation(simulator, today, users.get(2)));
        List<String> expected = new ArrayList<>();
        expected.add(HEADER);
        for (JsonNode reservation : SimulatorApi.v2List(simulator, "/v2/reservations/workspaces", "startDate=" + today)) {
            expected.add(csvLine(reservation));
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(1 + added.size());

        try (RouteFiles routes = RouteFiles.start(simulator,
                Map.of("cleaning.dir", dir.toString(), "cleaning.cron", "0/1 * * * * ?"),
                "routes/cleaning-desk-report.yaml")) {
            // the file is named after the local date of the JVM, as ${date:now:yyyy-MM-dd} names it
            Path report = dir.resolve("desks-" + LocalDate.now() + ".csv");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(report).exists();
                assertThat(Files.readAllLines(report)).containsExactlyElementsOf(expected);
            });
            String content = Files.readString(report);
            assertThat(content).endsWith("\n");
            for (Map<String, Object> reservation : added) {
                assertThat(content).contains("," + Objects.toString(reservation.get("deskId"), "") + ","
                                             + reservation.get("email") + ","
                                             + reservation.get("startTime") + "," + reservation.get("endTime") + "\n");
            }
        }
    }

    /** The line the report holds for one reservation, built from the API's answer. */
    private static String csvLine(JsonNode r) {
        return String.join(",", text(r, "buildingName"), text(r, "floorNumber"), text(r, "deskId"), text(r, "email"),
                text(r, "startTime"), text(r, "endTime"));
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() ? "" : Objects.toString(value.asText(), "");
    }
}
