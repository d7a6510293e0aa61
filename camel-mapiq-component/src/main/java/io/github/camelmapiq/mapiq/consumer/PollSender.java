package io.github.camelmapiq.mapiq.consumer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.consumer.change.Change;
import io.github.camelmapiq.mapiq.consumer.monitoring.ConsumerStatistics;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.support.SynchronizationAdapter;

/**
 * Sends the exchanges of one poll with Camel's batch properties: {@code CamelBatchIndex} counts from 0 across the
 * poll, {@code CamelBatchComplete} is true on its last exchange only, and {@code CamelBatchSize} (the number of
 * exchanges of the poll) is set on that last exchange, the only one sent once the count is known. With
 * {@code splitResult=false} the lists are sent at the end, each with all three properties. Each exchange's outcome
 * is reported to the poll's {@link PollCompletion}.
 */
final class PollSender {

    private final MapiqPollingConsumer consumer;
    private final PollCompletion completion;
    private final boolean split;
    private final RecordExchanges exchanges;
    private final ConsumerStatistics statistics;
    private final Map<MapiqChangeType, RecordExchanges.ListBatch> lists = new LinkedHashMap<>();
    private Change held;
    private int index;

    PollSender(MapiqPollingConsumer consumer, PollCompletion completion, boolean split, RecordExchanges exchanges,
               ConsumerStatistics statistics) {
        this.consumer = consumer;
        this.completion = completion;
        this.split = split;
        this.exchanges = exchanges;
        this.statistics = statistics;
    }

    boolean allowed() {
        return consumer.batchAllowed();
    }

    /** A change is held back, waiting to learn whether it is the poll's last. */
    boolean holdsAChange() {
        return held != null;
    }

    int count() {
        return index;
    }

    void offer(Change change) {
        if (!split) {
            lists.computeIfAbsent(change.type(), exchanges::newBatch).add(change);
            return;
        }
        if (held != null) {
            send(held, false);
        }
        held = change;
    }

    void finish() {
        try {
            if (split) {
                if (held != null) {
                    Change last = held;
                    held = null;
                    send(last, true);
                }
            } else {
                int total = lists.size();
                for (RecordExchanges.ListBatch batch : lists.values()) {
                    Exchange exchange = batch.create();
                    exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
                    dispatch(exchange, batch.changes, index == total - 1);
                }
                lists.clear();
            }
        } finally {
            completion.allSent();
        }
    }

    private void send(Change change, boolean last) {
        if (!consumer.batchAllowed()) {
            completion.sending();
            completion.failed(List.of(change)); // shutting down: not sent, so delivered by a later poll
            return;
        }
        Exchange exchange = exchanges.create(change);
        if (last) {
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, index + 1);
        }
        dispatch(exchange, List.of(change), last);
    }

    private void dispatch(Exchange exchange, List<Change> carried, boolean last) {
        exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
        exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, last);
        index++;
        consumer.setPendingExchanges(last ? 0 : 1);
        completion.sending();
        if (exchange.getException() != null) {
            consumer.getExceptionHandler().handleException("Cannot build the message of a Mapiq record; it is tried again "
                                                  + "at the next poll",
                    exchange, exchange.getException());
            completion.failed(carried);
            return;
        }
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange done) {
                completion.succeeded(carried);
                carried.forEach(change -> statistics.delivered(change.type())); // ops: records and changes by type
            }

            @Override
            public void onFailure(Exchange failed) {
                completion.failed(carried);
            }
        });
        consumer.send(exchange);
    }
}
