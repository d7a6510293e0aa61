package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The coalescing rule itself, on a clock the test moves: same user, type and building inside the window only. */
class CheckinCoalescerTest {

    private final MovableClock clock = new MovableClock();
    private final CheckinCoalescer coalescer = new CheckinCoalescer(Duration.ofSeconds(60), clock);

    private static ObjectNode event(String user, String building, String type) {
        return JsonNodeFactory.instance.objectNode().put("userId", user).put("buildingId", building)
                .put("eventType", type).put("source", "Wifi");
    }

    @Test
    void aRepeatInsideTheWindowAnswersTheStoredEventAndOneAfterItIsSent() {
        ObjectNode stored = event("u1", "b1", "AtTheOffice").put("id", "e-1");
        coalescer.sent(event("u1", "b1", "AtTheOffice"), stored);

        clock.advance(Duration.ofSeconds(59));
        assertThat(coalescer.repeatOf(event("u1", "b1", "AtTheOffice"))).isSameAs(stored);
        clock.advance(Duration.ofSeconds(1));
        assertThat(coalescer.repeatOf(event("u1", "b1", "AtTheOffice"))).isNull();
    }

    @Test
    void anotherTypeBuildingOrUserIsNeverCoalesced() {
        coalescer.sent(event("u1", "b1", "AtTheOffice"), event("u1", "b1", "AtTheOffice").put("id", "e-1"));

        assertThat(coalescer.repeatOf(event("u1", "b1", "NotAtTheOffice"))).isNull();
        assertThat(coalescer.repeatOf(event("u1", "b2", "AtTheOffice"))).isNull();
        assertThat(coalescer.repeatOf(event("u2", "b1", "AtTheOffice"))).isNull();
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T08:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aUsersLockIsForgottenOnceNobodyHoldsIt() throws Exception {
        try (CheckinCoalescer.Held first = coalescer.lockUser("u1");
             CheckinCoalescer.Held second = coalescer.lockUser("u2");
             CheckinCoalescer.Held again = coalescer.lockUser("u1")) { // reentrant for the thread holding it
            assertThat(coalescer.lockedUsers()).isEqualTo(2);
        }
        assertThat(coalescer.lockedUsers()).isZero();
    }
}
