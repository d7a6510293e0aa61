package io.github.camelmapiq.mapiq.consumer;

import java.util.List;

import io.github.camelmapiq.simulator.Fault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing that breaks off (here its first page, truncated, with no retries) fails the poll: the records it did not
 * reach are not reported DELETED, and the next poll starts over. What a poll delivers before a later page fails is
 * the subject of {@link APollThatFailsPartWayHasDeliveredWhatItReadTest}.
 */
class AFailedListingNeverLooksLikeDeletionsTest extends ConsumerTestSupport {

    @Test
    void aTruncatedPageDeliversNothingAndDeletesNothing() throws Exception {
        for (int i = 0; i < 6; i++) {
            addUser("Paged" + i);
        }
        List<String> created = allCreated("users");
        Recorder recorder = new Recorder();
        start("mapiq:users?changesOnly=true&pageSize=2&maxRetries=0&" + FAST, recorder);
        eventually().until(() -> recorder.size() == created.size());

        String added = id(addUser("Late"));
        control.injectFault(Fault.truncatedJson().onPath("/v2/users").times(3));
        eventually().until(() -> recorder.size() == created.size() + 1);
        awaitPolls("/v2/users", 6);

        assertThat(recorder.changesFrom(created.size())).containsExactly("CREATED " + added);
    }
}
