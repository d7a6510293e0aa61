package io.github.camelmapiq.mapiq.consumer;

import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code maxMessagesPerPoll} caps a poll; what it cuts off comes at the following polls, nothing lost or repeated. */
class MaxMessagesPerPollDefersTheRestTest extends ConsumerTestSupport {

    @Test
    void changesBeyondTheCapArriveAtTheNextPolls() throws Exception {
        List<String> expected = usersAfterAdding(10); // every user in the simulator, 10 or more
        Recorder recorder = new Recorder();
        start("mapiq:users?changesOnly=true&maxMessagesPerPoll=3&" + FAST, recorder);

        eventually().until(() -> recorder.size() == expected.size());
        awaitPolls("/v2/users", 2);
        assertThat(recorder.ids()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recorder.exchanges).extracting(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class))
                .containsExactlyElementsOf(batchSizes(expected.size(), 3));
    }

    @Test
    void withoutChangesOnlyEachRoundDeliversEveryRecordOnceBeforeStartingOver() throws Exception {
        List<String> expected = usersAfterAdding(7);
        int n = expected.size();
        Recorder recorder = new Recorder();
        start("mapiq:users?maxMessagesPerPoll=3&" + FAST, recorder);

        eventually().until(() -> recorder.size() >= 2 * n);
        List<String> ids = recorder.ids();
        assertThat(ids.subList(0, n)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(ids.subList(n, 2 * n)).containsExactlyInAnyOrderElementsOf(expected);
        List<Exchange> firstRound = List.copyOf(recorder.exchanges).subList(0, n); // polls go on meanwhile
        assertThat(firstRound).extracting(e -> e.getProperty(Exchange.BATCH_SIZE, Integer.class))
                .containsExactlyElementsOf(batchSizes(n, 3));
    }

    private List<String> usersAfterAdding(int count) {
        for (int i = 0; i < count; i++) {
            addUser("Capped" + i);
        }
        return control.list("users").stream().map(ConsumerTestSupport::id).toList();
    }

    /**
     * The CamelBatchSize each exchange carries when {@code total} records come {@code cap} per poll: only the last of
     * each poll carries it, as only then is the count known.
     */
    private static List<Integer> batchSizes(int total, int cap) {
        List<Integer> sizes = new ArrayList<>();
        for (int left = total; left > 0; left -= cap) {
            int size = Math.min(cap, left);
            for (int i = 0; i < size; i++) {
                sizes.add(i == size - 1 ? size : null);
            }
        }
        return sizes;
    }
}
