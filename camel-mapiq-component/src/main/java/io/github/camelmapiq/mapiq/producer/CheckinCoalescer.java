package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code coalesceCheckins=true}: remembers the last event stored per user, so that an event repeating it (same user,
 * same {@code eventType}, same {@code buildingId}) within {@code checkinThrottleWindow} of it is answered with the
 * stored event instead of being sent into Mapiq's per-user throttle. An event that differs in type or building is a
 * real change and is always sent (Mapiq's 429 is then retried after its Retry-After, see the producer docs).
 * <p>
 * Callers hold {@link #lockUser(String)} around check, send and remember, so two exchanges for one user cannot both
 * decide to send. The lock is the user's own (not shared with other users) and a {@link ReentrantLock}: a post waiting
 * out Mapiq's throttle holds up only later events of the same user, and a virtual thread waiting for it releases its
 * carrier. A user's lock exists only while someone holds or waits for it, so memory does not grow with users.
 */
final class CheckinCoalescer {

    private record Sent(String eventType, String buildingId, ObjectNode stored, Instant at) {
    }

    /** A user's lock and how many exchanges hold or wait for it (changed only inside {@code locks.compute}). */
    private static final class UserLock {
        final ReentrantLock lock = new ReentrantLock();
        int users;
    }

    /** Releases a user's lock; forgets it once nobody holds or waits for it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    private final Duration window;
    private final Clock clock;
    private final Map<String, Sent> lastSent = new ConcurrentHashMap<>();
    private final Map<String, UserLock> locks = new ConcurrentHashMap<>();
    private volatile Instant lastPrune = Instant.MIN;

    CheckinCoalescer(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Waits for, then holds, the lock serialising the events of one user (interruptibly: Camel may be stopping). */
    Held lockUser(String userId) throws InterruptedException {
        UserLock user = locks.compute(userId, (id, existing) -> {
            UserLock l = existing != null ? existing : new UserLock();
            l.users++;
            return l;
        });
        try {
            user.lock.lockInterruptibly();
        } catch (InterruptedException e) {
            forget(userId, user);
            throw e;
        }
        return () -> {
            user.lock.unlock();
            forget(userId, user);
        };
    }

    private void forget(String userId, UserLock user) {
        locks.compute(userId, (id, existing) -> --user.users == 0 ? null : existing);
    }

    /** Users whose lock is held or awaited right now. */
    int lockedUsers() {
        return locks.size();
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
