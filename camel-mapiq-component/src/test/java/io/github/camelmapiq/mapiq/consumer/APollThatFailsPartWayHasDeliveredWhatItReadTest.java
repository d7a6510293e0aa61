package io.github.camelmapiq.mapiq.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the user guide says of a poll whose listing fails part-way: the records of the pages read before the failure
 * have reached the route (a poll delivers as the pages arrive), the last of them carries {@code CamelBatchComplete},
 * the failure goes to the consumer's exception handler, and the next poll starts over. With {@code changesOnly} no
 * record is reported DELETED and what was delivered is not delivered again. Pages of 2 records; while the route works
 * on the poll's first record, the simulator is told to fail the next call of the listing with a 503.
 */
class APollThatFailsPartWayHasDeliveredWhatItReadTest extends ConsumerTestSupport {

    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    @Test
    void theRecordsReadBeforeTheFailureAreDeliveredAndTheNextPollDeliversAll() throws Exception {
        addUsers("Stream", 10);
        List<String> listed = allIds("users");
        Recorder recorder = new Recorder();
        startFailingOnce("mapiq:users?pageSize=2&maxRetries=0&" + FAST, recorder);

        eventually().until(() -> polls(recorder).size() >= 2 && polls(recorder).get(1).size() == listed.size());

        List<Exchange> failed = polls(recorder).get(0);
        int read = failed.size();
        assertThat(read).as("the records of the pages read before the failure").isBetween(2, listed.size() - 2);
        assertThat(read % 2).as("whole pages").isZero();
        assertThat(ids(failed)).containsExactlyElementsOf(listed.subList(0, read));
        assertBatch(failed);
        assertThat(failures).hasSize(1).first().isInstanceOfSatisfying(MapiqApiException.class,
                e -> assertThat(e.getStatus()).isEqualTo(503));

        List<Exchange> next = polls(recorder).get(1);
        assertThat(ids(next)).containsExactlyElementsOf(listed);
        assertBatch(next);
    }

    @Test
    void withChangesOnlyTheNextPollDeliversOnlyTheRestAndNothingIsDeleted() throws Exception {
        addUsers("Change", 10);
        List<String> created = allCreated("users");
        Recorder recorder = new Recorder();
        startFailingOnce("mapiq:users?changesOnly=true&pageSize=2&maxRetries=0&" + FAST, recorder);

        eventually().until(() -> recorder.size() >= created.size());
        awaitPolls("/v2/users", 3);

        List<List<Exchange>> polls = polls(recorder);
        assertThat(polls.get(0).size()).as("the first poll failed part-way").isBetween(2, created.size() - 2);
        assertBatch(polls.get(0));
        assertThat(failures).hasSize(1);
        assertThat(recorder.changes()).as("each record once, as CREATED, in listing order, and no DELETED")
                .containsExactlyElementsOf(created);
    }

    private void addUsers(String prefix, int n) {
        for (int i = 0; i < n; i++) {
            addUser(prefix + i);
        }
    }

    private void startFailingOnce(String uri, Recorder recorder) throws Exception {
        AtomicBoolean injected = new AtomicBoolean();
        Processor failTheNextPage = exchange -> {
            if (injected.compareAndSet(false, true)) {
                control.injectFault(Fault.status(503).onPath("/v2/users").times(1));
            }
        };
        CamelContext context = newContext();
        context.getRegistry().bind("recordFailures", recording(failures));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(uri + "&exceptionHandler=#recordFailures").routeId("poll").process(failTheNextPage)
                        .process(recorder);
            }
        });
        context.start();
    }

    /** The exchanges of each poll, in order: a poll's first exchange has {@code CamelBatchIndex} 0. */
    private static List<List<Exchange>> polls(Recorder recorder) {
        List<List<Exchange>> polls = new ArrayList<>();
        for (Exchange exchange : recorder.exchanges) {
            if (exchange.getProperty(Exchange.BATCH_INDEX, Integer.class) == 0) {
                polls.add(new ArrayList<>());
            }
            polls.get(polls.size() - 1).add(exchange);
        }
        return polls;
    }

    private static List<String> ids(List<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID, String.class)).toList();
    }

    /** Indexes 0..n-1, and {@code CamelBatchComplete} on the last exchange only. */
    private static void assertBatch(List<Exchange> poll) {
        for (int i = 0; i < poll.size(); i++) {
            Exchange exchange = poll.get(i);
            assertThat(exchange.getProperty(Exchange.BATCH_INDEX, Integer.class)).isEqualTo(i);
            assertThat(exchange.getProperty(Exchange.BATCH_COMPLETE, false, Boolean.class))
                    .as("CamelBatchComplete of exchange " + i).isEqualTo(i == poll.size() - 1);
        }
    }
}
