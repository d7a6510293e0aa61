package io.github.camelmapiq.mapiq.consumer.change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.mapiq.client.query.DateWindow;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import io.github.camelmapiq.mapiq.consumer.state.DamagedStateException;
import io.github.camelmapiq.mapiq.consumer.state.StateRepositorySlot;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

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

    private final StateRepositorySlot store;
    private final ObjectMapper mapper;
    private final Duration overlap;
    private Instant cursor;
    private final Map<String, Instant> delivered = new HashMap<>();
    private final Set<String> foundInPoll = new HashSet<>();
    private Instant lowest;
    private PollBudget budget = new PollBudget(0);
    private boolean completeListing;
    private Instant newestDeliveredInPoll;
    private Instant oldestMissedInPoll;
    private boolean deferred;

    CheckinEventCursorTracker(StateRepositorySlot store, ObjectMapper mapper, Duration overlap) {
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
        try {
            JsonNode state = mapper.readTree(payload);
            if (!state.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            cursor = state.hasNonNull("cursor") ? Instant.parse(state.get("cursor").asText()) : null;
            state.path("delivered").fields()
                    .forEachRemaining(e -> delivered.put(e.getKey(), Instant.parse(e.getValue().asText())));
        } catch (Exception e) {
            cursor = null;
            delivered.clear();
            throw new DamagedStateException("The consumer state under " + store.describe() + " is damaged ("
                                            + firstLine(e.getMessage()) + "). Set damagedState=restart to start "
                                            + "over, or restore the state from a backup.", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    @Override
    public synchronized void startOver() throws Exception {
        store.clear();
        load();
    }

    @Override
    public synchronized Listing open(ListQuery query, MapiqHttpClient client, Clock clock, Executor prefetch,
                                     int max) {
        budget = new PollBudget(max);
        lowest = cursor == null ? null : cursor.minus(overlap);
        foundInPoll.clear();
        newestDeliveredInPoll = null;
        oldestMissedInPoll = null;
        deferred = false;
        completeListing = false;
        return query.open(client, queryWindow(query, clock), prefetch, RecordKeys.fields(MapiqResource.CHECKIN_EVENTS));
    }

    @Override
    public synchronized Change found(ListedRecord event) {
        String id = RecordKeys.idOf(MapiqResource.CHECKIN_EVENTS, event);
        Instant timestamp = RecordKeys.timestampOf(event);
        if (lowest != null && timestamp.isBefore(lowest) || delivered.containsKey(id) || !foundInPoll.add(id)) {
            return null;
        }
        if (budget.spent()) {
            deferred = true;
            missed(timestamp); // the cursor must not pass it
            return null;
        }
        budget.spend();
        return new Change(id, MapiqChangeType.CREATED, event, null, timestamp);
    }

    @Override
    public boolean wantsMore() {
        return true; // events beyond maxMessagesPerPoll are still read: the oldest of them holds the cursor back
    }

    @Override
    public synchronized Iterator<Change> afterCompleteListing() {
        completeListing = true;
        return Collections.emptyIterator();
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
    public synchronized long stateSize() {
        return delivered.size();
    }

    @Override
    public synchronized String cursorPosition() {
        return cursor == null ? null : cursor.toString();
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
        missed(change.timestamp());
    }

    private void missed(Instant timestamp) {
        if (oldestMissedInPoll == null || timestamp.isBefore(oldestMissedInPoll)) {
            oldestMissedInPoll = timestamp;
        }
    }

    @Override
    public synchronized void pollFinished() throws Exception {
        if (newestDeliveredInPoll == null) {
            return; // nothing delivered: the state is unchanged
        }
        if (completeListing) {
            // a listing that broke off may hold older events further on: the cursor moves only after a complete one,
            // and the ids delivered meanwhile are kept so that they are not delivered again
            Instant next = newestDeliveredInPoll;
            if (oldestMissedInPoll != null && oldestMissedInPoll.isBefore(next)) {
                next = oldestMissedInPoll;
            }
            if (cursor == null || next.isAfter(cursor)) {
                cursor = next;
            }
            Instant forgetBefore = cursor.minus(overlap);
            delivered.values().removeIf(timestamp -> timestamp.isBefore(forgetBefore));
        }
        store.save(FORMAT, encode());
    }

    private String encode() throws Exception {
        ObjectNode state = mapper.createObjectNode();
        state.put("cursor", cursor == null ? null : cursor.toString());
        ObjectNode ids = state.putObject("delivered");
        delivered.forEach((id, timestamp) -> ids.put(id, timestamp.toString()));
        return mapper.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(state);
    }
}
