package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code coalesceCheckins=true}: remembers the last event stored per user, so that an event repeating it (same user,
 * same {@code eventType}, same {@code buildingId}) within {@code checkinThrottleWindow} of it is answered with the
 * stored event instead of being sent into Mapiq's per-user throttle. An event that differs in type or building is a
 * real change and is always sent (Mapiq's 429 is then retried after its Retry-After, see the producer docs).
 * <p>
 * Callers hold {@link #lockFor(String)} around check, send and remember, so two exchanges for one user cannot both
 * decide to send; users are striped over a fixed set of locks so memory does not grow with them.
 */
final class CheckinCoalescer {

    private record Sent(String eventType, String buildingId, ObjectNode stored, Instant at) {
    }

    private static final int STRIPES = 64;

    private final Duration window;
    private final Clock clock;
    private final Map<String, Sent> lastSent = new ConcurrentHashMap<>();
    private final Object[] locks = new Object[STRIPES];
    private volatile Instant lastPrune = Instant.MIN;

    CheckinCoalescer(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** The lock serialising the events of one user. */
    Object lockFor(String userId) {
        return locks[Math.floorMod(userId.hashCode(), STRIPES)];
    }

    /** The stored event that {@code event} repeats within the window, or {@code null} when it must be sent. */
    ObjectNode repeatOf(ObjectNode event) {
        Sent last = lastSent.get(event.get("userId").asText());
        if (last == null || !clock.instant().isBefore(last.at().plus(window))) {
            return null;
        }
        boolean same = Objects.equals(last.eventType(), event.get("eventType").asText())
                       && Objects.equals(last.buildingId(), event.get("buildingId").asText());
        return same ? last.stored() : null;
    }

    /** Remembers that {@code event} was stored by Mapiq as {@code stored}. */
    void sent(ObjectNode event, ObjectNode stored) {
        Instant now = clock.instant();
        lastSent.put(event.get("userId").asText(),
                new Sent(event.get("eventType").asText(), event.get("buildingId").asText(), stored, now));
        if (now.isAfter(lastPrune.plus(window))) {
            lastPrune = now;
            lastSent.values().removeIf(s -> !now.isBefore(s.at().plus(window)));
        }
    }
}
