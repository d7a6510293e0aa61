package io.github.camelmapiq.simulator.api;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.data.Times;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Json;
import io.github.camelmapiq.simulator.http.Reply;
import io.github.camelmapiq.simulator.http.Requests;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** POST occupancy readings: an array of {spaceId, timestamp, occupancy >= 0}; errors named {@code [i].field}; 202. */
final class OccupancyIngest {

    private final WriteLog log;
    private final Json json;

    OccupancyIngest(WriteLog log, Json json) {
        this.log = log;
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    Reply post(HttpExchange ex) {
        Object parsed = Requests.jsonBody(ex, json);
        if (!(parsed instanceof List)) {
            throw ApiException.field("body", "The body must be a JSON array of readings.");
        }
        List<Object> list = (List<Object>) parsed;
        if (list.isEmpty()) {
            throw ApiException.field("body", "At least one reading is required.");
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<Map<String, Object>> accepted = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "[" + i + "].";
            if (!(list.get(i) instanceof Map)) {
                errors.put("[" + i + "]", List.of("A reading must be a JSON object."));
                continue;
            }
            Map<String, Object> m = (Map<String, Object>) list.get(i);
            Object space = m.get("spaceId");
            if (space == null || space.toString().isBlank()) {
                errors.put(at + "spaceId", List.of("The spaceId field is required."));
            }
            Object ts = m.get("timestamp");
            Instant t = ts == null ? null : Times.parseInstant(ts.toString());
            if (t == null) {
                errors.put(at + "timestamp", List.of(ts == null ? "The timestamp field is required."
                        : "The value '" + ts + "' is not an ISO-8601 date-time."));
            }
            Object occ = m.get("occupancy");
            if (!(occ instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.floor(n.doubleValue())) {
                errors.put(at + "occupancy", List.of("The occupancy must be a whole number of at least 0."));
            } else if (space != null && t != null) {
                Map<String, Object> reading = new LinkedHashMap<>(m);
                reading.put("spaceId", space.toString());
                reading.put("timestamp", ts.toString());
                reading.put("occupancy", n.longValue());
                accepted.add(reading);
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        log.readings(accepted);
        int n = accepted.size();
        return Reply.json(202, json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("accepted", n);
            g.writeEndObject();
        }));
    }
}
