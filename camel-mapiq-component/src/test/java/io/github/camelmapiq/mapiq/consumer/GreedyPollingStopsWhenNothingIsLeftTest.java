package io.github.camelmapiq.mapiq.consumer;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code greedy=true} polls again at once only while {@code maxMessagesPerPoll} left records behind: a snapshot poll
 * always finds records, so "found something, poll again" would otherwise call Mapiq in a busy loop.
 */
class GreedyPollingStopsWhenNothingIsLeftTest extends ConsumerTestSupport {

    private static final String SLOW = "delay=60000&initialDelay=0&greedy=true";

    @Test
    void greedyWithoutChangesOnlyPollsOncePerDelay() throws Exception {
        addUser("Greedy");
        control.resetCounters();
        Recorder recorder = new Recorder();
        start("mapiq:users?" + SLOW, recorder);

        eventually().until(() -> recorder.size() >= allIds("users").size());
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> control.calls("GET", "/v2/users") == 1);
        assertThat(recorder.ids()).containsExactlyInAnyOrderElementsOf(allIds("users"));
    }

    @Test
    void greedyWithMaxMessagesPerPollDeliversEverythingAtOnceInChunks() throws Exception {
        for (int i = 0; i < 4; i++) {
            addUser("Chunk" + i);
        }
        int users = allIds("users").size();
        control.resetCounters();
        Recorder recorder = new Recorder();
        start("mapiq:users?changesOnly=true&maxMessagesPerPoll=2&" + SLOW, recorder);

        eventually().until(() -> recorder.size() >= users);
        int chunks = (users + 1) / 2;
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> control.calls("GET", "/v2/users") == chunks);
        assertThat(recorder.changes()).containsExactlyInAnyOrderElementsOf(allCreated("users"));
    }

    @Test
    void greedyDoesNotRetryAFailingRecordWithoutPause() throws Exception {
        addUser("Fails1");
        addUser("Fails2");
        control.resetCounters();
        Recorder recorder = new Recorder();
        start("mapiq:users?changesOnly=true&maxMessagesPerPoll=1&" + SLOW, exchange -> {
            throw new IllegalStateException("downstream is down");
        }, recorder);

        eventually().until(() -> control.calls("GET", "/v2/users") >= 1);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2))
                .until(() -> control.calls("GET", "/v2/users") == 1);
    }
}
