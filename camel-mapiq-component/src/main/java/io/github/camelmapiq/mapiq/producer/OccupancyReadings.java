package io.github.camelmapiq.mapiq.producer;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the body of {@code mapiq:occupancy} (a list of readings or one reading, as model objects, Maps or JSON) into
 * validated readings. Every problem is reported at once, each naming the reading's index and the field, so a bad batch
 * is fixed in one go; nothing is sent while any reading is invalid.
 */
final class OccupancyReadings {

    /** At most this many problems are listed in one message. */
    private static final int MAX_LISTED = 10;

    private OccupancyReadings() {
    }

    /** @throws IllegalArgumentException listing every invalid reading by index and field */
    static List<ObjectNode> validate(JsonNode body) {
        if (body == null) {
            throw new IllegalArgumentException(
                    "The body of mapiq:occupancy is empty: send a list of readings {spaceId, timestamp, occupancy} "
                                               + "or one reading");
        }
        List<JsonNode> items = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(items::add);
        } else {
            items.add(body);
        }
        List<String> problems = new ArrayList<>();
        List<ObjectNode> readings = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                problems.add("reading [" + i + "] is not an object but " + item);
                continue;
            }
            ObjectNode reading = (ObjectNode) item;
            check(reading, i, problems);
            readings.add(reading);
        }
        if (!problems.isEmpty()) {
            int shown = Math.min(problems.size(), MAX_LISTED);
            throw new IllegalArgumentException(
                    problems.size() + " invalid occupancy reading field(s), nothing was sent: "
                                               + String.join("; ", problems.subList(0, shown))
                                               + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : ""));
        }
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("The body of mapiq:occupancy is an empty list: nothing to ingest");
        }
        return readings;
    }

    private static void check(ObjectNode reading, int i, List<String> problems) {
        JsonNode spaceId = reading.get("spaceId");
        if (spaceId == null || !spaceId.isTextual() || spaceId.asText().isBlank()) {
            problems.add("reading [" + i + "] field 'spaceId' is missing or blank");
        }
        JsonNode timestamp = reading.get("timestamp");
        if (timestamp == null || timestamp.isNull()) {
            problems.add("reading [" + i + "] field 'timestamp' is missing");
        } else if (!IsoInstants.isIsoInstant(timestamp.asText())) {
            problems.add("reading [" + i + "] field 'timestamp' is not an ISO-8601 instant: '" + timestamp.asText() + "'");
        }
        JsonNode occupancy = reading.get("occupancy");
        if (occupancy == null || occupancy.isNull()) {
            problems.add("reading [" + i + "] field 'occupancy' is missing");
        } else if (!occupancy.canConvertToInt() || !occupancy.isIntegralNumber() || occupancy.asInt() < 0) {
            problems.add("reading [" + i + "] field 'occupancy' must be a whole number >= 0, was " + occupancy);
        }
    }
}
