package io.github.camelmapiq.mapiq.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PagingDeliversEveryRecordOnceTest extends ConsumerTestSupport {

    @Test
    void manySmallPagesLoseAndRepeatNothingAndCarryBatchProperties() throws Exception {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 61; i++) {
            expected.add(id(addUser("Page" + i)));
        }
        control.resetCounters();
        Recorder recorder = new Recorder();
        start("mapiq:users?pageSize=4&repeatCount=1&" + FAST, recorder);

        eventually().until(() -> recorder.size() == 61);
        assertThat(recorder.ids()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(control.calls("GET", "/v2/users", 200)).isEqualTo(16); // 15 full pages of 4 and one of 1
        List<Exchange> exchanges = List.copyOf(recorder.exchanges);
        assertThat(exchanges).extracting(e -> e.getProperty(Exchange.BATCH_INDEX, Integer.class))
                .containsExactlyElementsOf(IntStream.range(0, 61).boxed().toList());
        assertThat(exchanges.subList(0, 60)).allSatisfy(e -> assertThat(e.getProperty(Exchange.BATCH_SIZE)).isNull());
        assertThat(exchanges.get(60).getProperty(Exchange.BATCH_SIZE, Integer.class))
                .as("the size is known, and set, on the poll's last exchange").isEqualTo(61);
        assertThat(exchanges).extracting(e -> e.getProperty(Exchange.BATCH_COMPLETE, Boolean.class))
                .containsOnlyOnce(true).last().isEqualTo(true);
    }
}
