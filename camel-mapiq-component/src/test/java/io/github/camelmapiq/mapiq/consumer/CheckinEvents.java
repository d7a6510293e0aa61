package io.github.camelmapiq.mapiq.consumer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.camelmapiq.simulator.SimulatorControl;

/** Check-in events stored straight in the simulator, with the timestamps a test needs. */
final class CheckinEvents {

    private CheckinEvents() {
    }

    /** Adds an event of {@code userId} at {@code timestamp}; returns its id. */
    static String add(SimulatorControl control, String userId, Instant timestamp) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("userId", userId);
        event.put("eventType", "AtTheOffice");
        event.put("source", "Wifi");
        event.put("timestamp", timestamp.toString());
        return (String) control.add("checkin-events", event).get("id");
    }
}
