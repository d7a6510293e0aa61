package io.github.camelmapiq.simulator.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The writes the API accepted, in order: posted check-ins, ingested occupancy readings, deleted reservations. */
public final class WriteLog {

    private final List<Map<String, Object>> checkins = Collections.synchronizedList(new ArrayList<>());
    private final List<Map<String, Object>> readings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> deletions = Collections.synchronizedList(new ArrayList<>());

    void checkin(Map<String, Object> event) {
        checkins.add(event);
    }

    void readings(List<Map<String, Object>> accepted) {
        readings.addAll(accepted);
    }

    void deletion(String id) {
        deletions.add(id);
    }

    public List<Map<String, Object>> checkins() {
        synchronized (checkins) {
            return List.copyOf(checkins);
        }
    }

    public List<Map<String, Object>> readings() {
        synchronized (readings) {
            return List.copyOf(readings);
        }
    }

    public List<String> deletions() {
        synchronized (deletions) {
            return List.copyOf(deletions);
        }
    }

    public void reset() {
        checkins.clear();
        readings.clear();
        deletions.clear();
    }
}
