package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataIsDeterministicTest {

    static final Clock FIXED = Clock.fixed(Instant.parse("2025-06-11T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void sameSeedUsersAndDayGiveTheSameData() {
        try (MapiqSimulator a = MapiqSimulator.builder().seed(7).users(20).clock(FIXED).start();
                MapiqSimulator b = MapiqSimulator.builder().seed(7).users(20).clock(FIXED).start();
                MapiqSimulator c = MapiqSimulator.builder().seed(8).users(20).clock(FIXED).start()) {
            for (String r : List.of("users", "buildings", "parking-lots", "workdays", "workspace-reservations",
                    "parking-reservations", "checkin-events", "checkin-statuses")) {
                assertThat(a.control().list(r)).as(r).isEqualTo(b.control().list(r));
            }
            assertThat(a.control().list("users")).isNotEqualTo(c.control().list("users"));
        }
    }

    @Test
    void dataIsRealisticAndRelativeToToday() {
        try (MapiqSimulator sim = MapiqSimulator.builder().users(200).clock(FIXED).start()) {
            SimulatorControl c = sim.control();
            List<Map<String, Object>> users = c.list("users");
            assertThat(users).anyMatch(u -> u.get("licensePlate") == null)
                    .anyMatch(u -> u.get("licensePlate") != null).anyMatch(u -> u.get("externalId") == null);
            assertThat(users.stream().map(u -> u.get("email")).distinct().count()).isEqualTo(users.size());
            LocalDate today = LocalDate.now(FIXED);
            List<Map<String, Object>> workdays = c.list("workdays");
            assertThat(workdays).allMatch(w -> {
                LocalDate d = LocalDate.parse((String) w.get("date"));
                return !d.isBefore(today.minusDays(30)) && !d.isAfter(today.plusDays(30));
            });
            Map<String, Integer> slots = new HashMap<>();
            workdays.forEach(w -> slots.merge(w.get("userId") + "/" + w.get("date"), 1, Integer::sum));
            assertThat(slots.values()).contains(2);
            assertThat(workdays).extracting(w -> w.get("status")).contains("Office", "Remote", "NotWorking");
            double perUser = c.count("workspace-reservations") / 200.0;
            assertThat(perUser).isBetween(17.0, 23.0);
            assertThat(c.list("checkin-events")).allMatch(e -> Instant.parse((String) e.get("timestamp"))
                    .isBefore(FIXED.instant()));
            assertThat(c.list("workspace-reservations")).anyMatch(r -> r.get("deskId") == null)
                    .anyMatch(r -> r.get("deskId") != null);
        }
    }
}
