package io.github.camelmapiq.mapiq.consumer;

import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmapiq.mapiq.consumer.state.MemorySnapshotStore;
import io.github.camelmapiq.mapiq.consumer.state.StoredRecord;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll marks the next page's new records in the state while the route works on the current page. When the state
 * refuses the marks of the page read ahead, the records of the page before still reach the route, none of the refused
 * page does (a record is never delivered before its mark is written), the store's failure goes to the consumer's
 * exception handler, and the next poll delivers the rest: every record once, as {@code CREATED}, none deleted. Pages
 * of 2 records, a store whose second mark write fails once.
 */
class APageReadAheadThatCannotBeMarkedIsDeliveredOnlyAfterTheStateAcceptsItTest extends ConsumerTestSupport {

    /** A store in memory whose {@code failAt}-th write of marks fails, once. */
    static final class RefusingStore extends MemorySnapshotStore {
        final AtomicInteger inserts = new AtomicInteger();
        final int failAt;

        RefusingStore(int failAt) {
            this.failAt = failAt;
        }

        @Override
        public void insert(String key, Collection<StoredRecord> records) throws Exception {
            if (inserts.incrementAndGet() == failAt) {
                throw new IllegalStateException("the store refuses write " + failAt);
            }
            super.insert(key, records);
        }
    }

    @Test
    void thePageBeforeIsDeliveredTheRefusedPageComesWithTheNextPoll() throws Exception {
        usersWith(9, "Ahead");
        List<String> created = allCreated("users");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        RefusingStore store = new RefusingStore(2);
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.getRegistry().bind("store", store);
        context.getRegistry().bind("recordFailures", recording(failures));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&pageSize=2&snapshotStore=#store&startScheduler=false"
                     + "&exceptionHandler=#recordFailures").routeId("poll").process(recorder);
            }
        });
        context.start();
        ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("poll").getConsumer();

        consumer.run();
        assertThat(recorder.changes()).as("the first page, whose marks were written")
                .containsExactlyElementsOf(created.subList(0, 2));
        assertThat(failures).singleElement().satisfies(
                failure -> assertThat(failure).hasMessageContaining("the store refuses write 2"));

        consumer.run();
        assertThat(recorder.changesFrom(2)).as("the rest, once each")
                .containsExactlyElementsOf(created.subList(2, created.size()));
        consumer.run();
        assertThat(recorder.size()).as("nothing more, nothing deleted").isEqualTo(created.size());
        assertThat(failures).hasSize(1);
    }
}
