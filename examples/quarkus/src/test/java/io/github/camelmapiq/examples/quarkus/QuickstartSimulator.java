package io.github.camelmapiq.examples.quarkus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The embedded Mapiq simulator for the example's test, started before the application. For whatever weekday the test
 * runs on, it adds an office workday and a desk reservation on each of the next two days (inside the routes' seven-day
 * window, in the zone the component evaluates "today" in) and hands their ids to the test in system properties.
 */
public class QuickstartSimulator implements QuarkusTestResourceLifecycleManager {

    static final String URL = "quickstart.test.simulator-url";
    static final String WORKDAYS = "quickstart.test.workdays";
    static final String RESERVATIONS = "quickstart.test.reservations";

    private MapiqSimulator simulator;

    @Override
    public Map<String, String> start() {
        simulator = MapiqSimulator.builder().start();
        Map<String, Object> user = simulator.control().list("users").get(0);
        Map<String, Object> building = simulator.control().list("buildings").get(0);
        LocalDate today = LocalDate.now(ZoneId.systemDefault());
        List<String> workdays = new ArrayList<>();
        List<String> reservations = new ArrayList<>();
        for (LocalDate day : List.of(today.plusDays(1), today.plusDays(2))) {
            Map<String, Object> workday = record(user, building, day, "09:00", "17:00");
            workday.put("date", day.toString());
            workday.put("status", "Office");
            workdays.add(String.valueOf(simulator.control().add("workdays", workday).get("id")));
            reservations.add(String.valueOf(simulator.control()
                    .add("workspace-reservations", record(user, building, day, "10:00", "16:00")).get("id")));
        }
        System.setProperty(URL, simulator.baseUrl());
        System.setProperty(WORKDAYS, String.join(",", workdays));
        System.setProperty(RESERVATIONS, String.join(",", reservations));
        return Map.of(
                "camel.component.mapiq.base-url", simulator.baseUrl(),
                "camel.component.mapiq.token-url", simulator.tokenUrl(),
                "camel.component.mapiq.client-id", MapiqSimulator.DEMO_CLIENT_ID,
                "camel.component.mapiq.client-secret", MapiqSimulator.DEMO_CLIENT_SECRET,
                "quickstart.postCheckin", "true");
    }

    private static Map<String, Object> record(Map<String, Object> user, Map<String, Object> building, LocalDate day,
                                              String start, String end) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("userId", user.get("id"));
        record.put("buildingId", building.get("id"));
        record.put("startTime", day + "T" + start + ":00Z");
        record.put("endTime", day + "T" + end + ":00Z");
        return record;
    }

    @Override
    public void stop() {
        List.of(URL, WORKDAYS, RESERVATIONS).forEach(System::clearProperty);
        if (simulator != null) {
            simulator.close();
        }
    }
}
