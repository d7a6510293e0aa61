package io.github.camelmapiq.routes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;

/** Records the route tests add to the simulator, so that each test has data for "today" whatever the weekday. */
final class SimulatorData {

    private SimulatorData() {
    }

    static Map<String, Object> firstUser(MapiqSimulator simulator) {
        return simulator.control().list("users").get(0);
    }

    static Map<String, Object> firstBuilding(MapiqSimulator simulator) {
        return simulator.control().list("buildings").get(0);
    }

    static Map<String, Object> officeWorkday(MapiqSimulator simulator, LocalDate date) {
        Map<String, Object> user = firstUser(simulator);
        Map<String, Object> workday = new LinkedHashMap<>();
        workday.put("userId", user.get("id"));
        workday.put("date", date.toString());
        workday.put("startTime", date + "T09:00:00Z");
        workday.put("endTime", date + "T17:00:00Z");
        workday.put("status", "Office");
        workday.put("buildingId", firstBuilding(simulator).get("id"));
        return simulator.control().add("workdays", workday);
    }

    static Map<String, Object> deskReservation(MapiqSimulator simulator, LocalDate date) {
        return deskReservation(simulator, date, firstUser(simulator));
    }

    /** A desk reservation of {@code user} in the first building, 10:00 to 16:00 UTC on {@code date}. */
    static Map<String, Object> deskReservation(MapiqSimulator simulator, LocalDate date, Map<String, Object> user) {
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("userId", user.get("id"));
        reservation.put("buildingId", firstBuilding(simulator).get("id"));
        reservation.put("startTime", date + "T10:00:00Z");
        reservation.put("endTime", date + "T16:00:00Z");
        return simulator.control().add("workspace-reservations", reservation);
    }
}
