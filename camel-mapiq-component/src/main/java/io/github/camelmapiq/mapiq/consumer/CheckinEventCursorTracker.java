package io.github.camelmapiq.mapiq.consumer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.http.DateWindow;
import io.github.camelmapiq.mapiq.http.ListQuery;
import io.github.camelmapiq.mapiq.http.MapiqHttpClient;

/**
 * {@code changesOnly} for check-in events, which only grow: a cursor on the events' own {@code timestamp} (never the
 * local clock) plus the ids delivered near it.
 * <p>
 * Each poll asks for the days from the cursor minus {@code checkinOverlap} (one day earlier still, as Mapiq dates an
 * event in its building's time zone) to the configured {@code endDate}, never before the configured {@code startDate}
 * (which so sets how far back a consumer catches up after downtime); windows over 31 days are split. Events older
 * than {@code cursor - checkinOverlap} are skipped; newer ones are delivered unless their id was already delivered,
 * oldest first. The cursor then moves to the newest delivered event, but never past an event that was not delivered
 * (a failed exchange or one beyond {@code maxMessagesPerPoll}), so that one is found again.
 */
final class CheckinEventCursorTracker implements ChangeTracker {

    static final String FORMAT = "mapiq-checkin-events-v1";

    private static final Comparator<Change> OLDEST_FIRST = Comparator
            .comparing(Change::timestamp).thenComparing(Change::id);

    private final StateStore store;
    private final ObjectMapper mapper;
    private final Duration overlap;
    private Instant cursor;
    private final Map<String, Instant> delivered = new HashMap<>();
    private Instant newestDeliveredInPoll;
    private Instant oldestMissedInPoll;
    private boolean deferred;

    CheckinEventCursorTracker(StateStore store, ObjectMapper mapper, Duration overlap) {
        this.store = store;
        this.mapper = mapper;
        this.overlap = overlap;
    }

    @Override
    public synchronized void load() throws Exception {
        cursor = null;
        delivered.clear();
        String payload = store.load(FORMAT);
        if (payload == null) {
            return;
        }
        JsonNode state = mapper.readTree(payload);
        cursor = state.hasNonNull("cursor") ? Instant.parse(state.get("cursor").asText()) : null;
        state.path("delivered").fields()
                .forEachRemaining(e -> delivered.put(e.getKey(), Instant.parse(e.getValue().asText())));
    }

    @Override
    public synchronized List<Change> collect(ListQuery query, MapiqHttpClient client, Clock clock, int max)
            throws Exception {
        DateWindow window = queryWindow(query, clock);
        Instant lowest = cursor == null ? null : cursor.minus(overlap);
        Map<String, Change> fresh = new LinkedHashMap<>();
        ObjectMapper json = client.mapper();
        query.run(client, window, event -> {
            String id = RecordKeys.idOf(MapiqResource.CHECKIN_EVENTS, event);
            Instant timestamp = RecordKeys.timestampOf(event);
            if ((lowest == null || !timestamp.isBefore(lowest)) && !delivered.containsKey(id)) {
                if (!fresh.containsKey(id)) {
                    fresh.put(id, Change.listed(id, MapiqChangeType.CREATED, event, json, fresh.size(), timestamp));
                }
            }
        });
        List<Change> changes = new ArrayList<>(fresh.values());
        changes.sort(OLDEST_FIRST);
        newestDeliveredInPoll = null;
        oldestMissedInPoll = null;
        deferred = max > 0 && changes.size() > max;
        if (deferred) {
            oldestMissedInPoll = changes.get(max).timestamp();
            return new ArrayList<>(changes.subList(0, max));
        }
        return changes;
    }

    /** The configured window, its start moved up to the cursor's day when that is later. */
    private DateWindow queryWindow(ListQuery query, Clock clock) {
        DateWindow configured = query.window(clock);
        if (cursor == null) {
            return configured;
        }
        LocalDate cursorDay = LocalDate.ofInstant(cursor.minus(overlap), query.zone()).minusDays(1);
        LocalDate start = cursorDay.isAfter(configured.start()) ? cursorDay : configured.start();
        if (start.isAfter(configured.end())) {
            start = configured.end();
        }
        return new DateWindow(start, configured.end());
    }

    @Override
    public synchronized boolean deferredChanges() {
        return deferred;
    }

    @Override
    public synchronized void delivered(Change change) {
        Instant timestamp = change.timestamp();
        delivered.put(change.id(), timestamp);
        if (newestDeliveredInPoll == null || timestamp.isAfter(newestDeliveredInPoll)) {
            newestDeliveredInPoll = timestamp;
        }
    }

    @Override
    public synchronized void notDelivered(Change change) {
        Instant timestamp = change.timestamp();
        if (oldestMissedInPoll == null || timestamp.isBefore(oldestMissedInPoll)) {
            oldestMissedInPoll = timestamp;
        }
    }

    @Override
    public synchronized void pollFinished() throws Exception {
        if (newestDeliveredInPoll == null) {
            return; // nothing delivered: the state is unchanged
        }
        Instant next = newestDeliveredInPoll;
        if (oldestMissedInPoll != null && oldestMissedInPoll.isBefore(next)) {
            next = oldestMissedInPoll;
        }
        if (cursor == null || next.isAfter(cursor)) {
            cursor = next;
        }
        Instant forgetBefore = cursor.minus(overlap);
        delivered.values().removeIf(timestamp -> timestamp.isBefore(forgetBefore));
        store.save(FORMAT, encode());
    }

    private String encode() throws Exception {
        ObjectNode state = mapper.createObjectNode();
        state.put("cursor", cursor.toString());
        ObjectNode ids = state.putObject("delivered");
        delivered.forEach((id, timestamp) -> ids.put(id, timestamp.toString()));
        return mapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(state);
    }
}
