package io.github.camelmapiq.simulator.api;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.Model.CheckinEvent;
import io.github.camelmapiq.simulator.data.RecordFactory;
import io.github.camelmapiq.simulator.data.Resource;
import io.github.camelmapiq.simulator.data.Times;
import io.github.camelmapiq.simulator.data.Vocabulary;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Json;
import io.github.camelmapiq.simulator.http.Reply;
import io.github.camelmapiq.simulator.http.Requests;
import io.github.camelmapiq.simulator.shape.V2Shapes;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** POST a check-in event (v2 and v1): validated, throttled per user, stored, logged; answers 201 with the event. */
final class CheckinPosting {

    private final DataStore store;
    private final RecordFactory records;
    private final Settings settings;
    private final WriteLog log;
    private final Json json;
    private final RecordReplies replies;
    private final ConcurrentHashMap<String, Instant> lastCheckin = new ConcurrentHashMap<>();

    CheckinPosting(DataStore store, RecordFactory records, Settings settings, WriteLog log, Json json,
            RecordReplies replies) {
        this.store = store;
        this.records = records;
        this.settings = settings;
        this.log = log;
        this.json = json;
        this.replies = replies;
    }

    Reply post(HttpExchange ex, boolean v1, String locationPrefix) {
        Map<String, Object> body = Requests.jsonObject(ex, json);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        Object userId = body.get("userId");
        if (userId == null || userId.toString().isBlank()) {
            errors.put("userId", List.of("The userId field is required."));
        } else if (store.user(userId.toString()) == null) {
            errors.put("userId", List.of("No user with id '" + userId + "' exists."));
        }
        Object buildingId = body.get("buildingId");
        if (buildingId == null || buildingId.toString().isBlank()) {
            errors.put("buildingId", List.of("The buildingId field is required."));
        } else if (store.building(buildingId.toString()) == null) {
            errors.put("buildingId", List.of("No building with id '" + buildingId + "' exists."));
        }
        String eventType = oneOf(body, "eventType", Vocabulary.EVENT_TYPES, errors);
        String source = oneOf(body, "source", Vocabulary.SOURCES, errors);
        Object ts = body.get("timestamp");
        Instant timestamp = settings.clock().instant();
        if (ts != null) {
            timestamp = Times.parseInstant(ts.toString());
            if (timestamp == null) {
                errors.put("timestamp", List.of("The value '" + ts + "' is not an ISO-8601 date-time."));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        throttle(userId.toString());
        Map<String, Object> rec = new LinkedHashMap<>(body);
        rec.put("id", null);
        rec.put("eventType", eventType);
        rec.put("source", source);
        rec.put("timestamp", timestamp.toString());
        CheckinEvent e = (CheckinEvent) records.create(Resource.CHECKIN_EVENTS, rec);
        store.putEvent(e);
        log.checkin(V2Shapes.toMap(e));
        return replies.record(201, e, v1).header("Location", locationPrefix + "/" + e.id());
    }

    /** A 429 when the user's previous check-in (by the clock) is within the throttle window. */
    private void throttle(String user) {
        Duration window = settings.checkinThrottle();
        Instant now = settings.clock().instant();
        if (window.isZero() || window.isNegative()) {
            return;
        }
        Instant[] refused = new Instant[1];
        lastCheckin.compute(user, (k, last) -> {
            if (last != null && now.isBefore(last.plus(window))) {
                refused[0] = last;
                return last;
            }
            return now;
        });
        if (refused[0] != null) {
            long wait = Duration.between(now, refused[0].plus(window)).toMillis();
            throw ApiException.tooManyRequests((int) Math.max(1, (wait + 999) / 1000),
                    "Check-in events for user '" + user + "' may be posted at most once per "
                            + window.toSeconds() + " seconds.");
        }
    }

    private static String oneOf(Map<String, Object> body, String field, Set<String> allowed,
            Map<String, List<String>> errors) {
        Object v = body.get(field);
        if (v == null || v.toString().isBlank()) {
            errors.put(field, List.of("The " + field + " field is required."));
            return null;
        }
        String c = Vocabulary.canonical(allowed, v.toString());
        if (c == null) {
            errors.put(field, List.of("The value '" + v + "' is not valid; use one of " + new TreeSet<>(allowed) + "."));
        }
        return c;
    }
}
