package io.github.camelmapiq.mapiq.consumer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-in events only grow; the consumer follows them with a cursor on their own timestamps. Events stored between
 * polls with a timestamp equal to the newest one already delivered, or slightly older (a device reporting late), arrive
 * exactly once.
 */
class CheckinEventsAtTheCursorBoundaryArriveOnceTest extends ConsumerTestSupport {

    @Test
    void eventsAtAndJustBeforeTheCursorArriveExactlyOnce() throws Exception {
        String userId = id(addUser("Eve"));
        Instant cursor = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1800);
        String first = CheckinEvents.add(control, userId, cursor.minusSeconds(60));
        String atCursor = CheckinEvents.add(control, userId, cursor);
        Recorder recorder = new Recorder();
        start("mapiq:checkin-events?changesOnly=true&startDate=today-1d&endDate=today&timeZone=UTC&userId=" + userId
              + "&" + FAST, recorder);
        eventually().until(() -> recorder.size() == 2);
        awaitPolls("/v2/user-locations/checkin-events", 2);

        String sameInstant = CheckinEvents.add(control, userId, cursor);
        String slightlyOlder = CheckinEvents.add(control, userId, cursor.minusSeconds(30));
        String newer = CheckinEvents.add(control, userId, cursor.plusSeconds(1));

        eventually().until(() -> recorder.size() == 5);
        awaitPolls("/v2/user-locations/checkin-events", 3);
        assertThat(recorder.ids()).containsExactlyInAnyOrder(first, atCursor, sameInstant, slightlyOlder, newer);
        assertThat(recorder.exchanges).allSatisfy(e -> assertThat(SnapshotChangesArriveExactlyOnceTest.typeOf(e))
                .isEqualTo(MapiqChangeType.CREATED));
    }

    @Test
    void eventsAreDeliveredOldestFirstAndTheCursorComesFromTheirTimestampsNotTheLocalClock() throws Exception {
        String userId = id(addUser("Fay"));
        // events stamped ahead of the local clock (a device with a fast clock): the cursor must follow them
        Instant ahead = Instant.now().plusSeconds(7200);
        String late = CheckinEvents.add(control, userId, ahead.plusSeconds(10));
        String early = CheckinEvents.add(control, userId, ahead);
        Recorder recorder = new Recorder();
        start("mapiq:checkin-events?changesOnly=true&checkinOverlap=0&startDate=today-1d&endDate=today%2B1d"
              + "&timeZone=UTC&userId=" + userId + "&" + FAST, recorder);
        eventually().until(() -> recorder.size() == 2);
        assertThat(recorder.ids()).containsExactly(early, late);

        String between = CheckinEvents.add(control, userId, ahead.plusSeconds(10));
        eventually().until(() -> recorder.size() == 3);
        awaitPolls("/v2/user-locations/checkin-events", 3);
        assertThat(recorder.ids()).containsExactly(early, late, between);
    }
}
