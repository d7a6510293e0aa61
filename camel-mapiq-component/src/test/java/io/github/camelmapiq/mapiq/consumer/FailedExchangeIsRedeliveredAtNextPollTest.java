package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmapiq.mapiq.MapiqConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record whose exchange fails is delivered again at the next poll, and only that record: the others of the same poll
 * advanced the state when they completed.
 */
class FailedExchangeIsRedeliveredAtNextPollTest extends ConsumerTestSupport {

    @Test
    void aFailedSnapshotChangeComesAgainAndTheOthersDoNot() throws Exception {
        addUser("Ann");
        Map<String, Object> bob = addUser("Bob");
        addUser("Cas");
        List<String> created = allCreated("users");
        Recorder recorder = new Recorder();
        start("mapiq:users?changesOnly=true&" + FAST, failOnceFor(id(bob)), recorder);

        eventually().until(() -> recorder.ids().contains(id(bob)));
        awaitPolls("/v2/users", 3);
        assertThat(recorder.changes()).as("every user once; %s after the others", id(bob))
                .containsExactlyInAnyOrderElementsOf(created)
                .last().isEqualTo("CREATED " + id(bob));
    }

    /**
     * With the state in a file, a new record whose {@code CREATED} failed leaves no mark behind: deleted before the next
     * poll, it gets no {@code DELETED} its {@code CREATED} never preceded; the other new record comes again.
     */
    @Test
    void aNewRecordWhoseCreatedFailedGetsNoDeletedWhenItIsDeletedFirst(@TempDir Path dir) throws Exception {
        String gone = id(addUser("Gone"));
        String again = id(addUser("Again"));
        int n = allIds("users").size();
        Recorder recorder = new Recorder();
        Processor failOnce = failOnceFor(gone);
        Processor failOnceToo = failOnceFor(again);
        CamelContext context = start("mapiq:users?changesOnly=true&startScheduler=false&stateFile="
                                     + dir.resolve("users.state"), exchange -> {
                                         failOnce.process(exchange);
                                         failOnceToo.process(exchange);
                                     }, recorder);
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoutes().get(0).getConsumer();
        consumer.run();
        assertThat(recorder.size()).isEqualTo(n - 2);

        control.delete("users", gone);
        consumer.run();
        consumer.run();
        assertThat(recorder.changesFrom(n - 2)).containsExactly("CREATED " + again);
    }

    @Test
    void aFailedCheckinEventComesAgainAndTheNewerOnesDoNot() throws Exception {
        String userId = id(addUser("Eve"));
        Instant base = Instant.now().minusSeconds(3600);
        String older = CheckinEvents.add(control, userId, base);
        String failing = CheckinEvents.add(control, userId, base.plusSeconds(60));
        String newer = CheckinEvents.add(control, userId, base.plusSeconds(120));
        Recorder recorder = new Recorder();
        // an overlap shorter than the gap between the events: only the cursor keeps 'failing' in reach
        start("mapiq:checkin-events?changesOnly=true&checkinOverlap=1000&startDate=today-1d&endDate=today&timeZone=UTC"
              + "&userId=" + userId + "&" + FAST, failOnceFor(failing), recorder);

        eventually().until(() -> recorder.ids().contains(failing));
        awaitPolls("/v2/user-locations/checkin-events", 3);
        assertThat(recorder.ids()).containsExactlyInAnyOrder(older, failing, newer);
    }

    /** Throws for the record with {@code id} the first time it passes. */
    private static Processor failOnceFor(String id) {
        AtomicBoolean failed = new AtomicBoolean();
        return exchange -> {
            if (id.equals(exchange.getMessage().getHeader(MapiqConstants.RECORD_ID))
                && failed.compareAndSet(false, true)) {
                throw new IllegalStateException("downstream system unavailable for " + id);
            }
        };
    }
}
