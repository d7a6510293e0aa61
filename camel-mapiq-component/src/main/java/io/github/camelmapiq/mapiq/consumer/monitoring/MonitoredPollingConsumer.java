package io.github.camelmapiq.mapiq.consumer.monitoring;

import java.time.Duration;
import java.time.Instant;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Processor;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.support.DefaultScheduledPollConsumerScheduler;
import org.apache.camel.support.ScheduledBatchPollingConsumer;

/**
 * What operators see of a Mapiq consumer: its {@link ConsumerStatistics} as JMX attributes (Hawtio shows them under
 * the route's consumer), with a reset operation, the state it keeps and when it polls next. It learns when polls
 * begin and end through a {@link PollingConsumerPollStrategy} wrapped around the configured one, and which pages are
 * read from its endpoint's statistics, so the consumer itself only reports skipped polls and delivered records.
 */
@ManagedResource(description = "Mapiq consumer")
public abstract class MonitoredPollingConsumer extends ScheduledBatchPollingConsumer {

    protected final ConsumerStatistics statistics = new ConsumerStatistics("mapiq consumer");
    private volatile Instant startedAt;
    private AutoCloseable meters;

    protected MonitoredPollingConsumer(Endpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public MapiqEndpoint getEndpoint() {
        return (MapiqEndpoint) super.getEndpoint();
    }

    /** The key of this consumer's state in the {@code stateRepository}. */
    public abstract String getStateKey();

    /** Records whose change detection state is held in the heap now ({@link #getRecordsInMemory}). */
    protected abstract long recordsInMemory();

    /** Entries the change detection state holds, in whichever store ({@link #getStateSize}). */
    protected abstract long stateSize();

    /** The check-in events cursor, or {@code null} ({@link #getCursorPosition}). */
    protected abstract String cursorPosition();

    /** This consumer's poll times, outcomes and counts. */
    public ConsumerStatistics getStatistics() {
        return statistics;
    }

    @Override
    protected void doStart() throws Exception {
        statistics.setName(getRouteId() != null ? "route " + getRouteId() : getEndpoint().getEndpointUri());
        if (!(getPollStrategy() instanceof StatisticsPollStrategy)) {
            setPollStrategy(new StatisticsPollStrategy(getPollStrategy()));
        }
        getEndpoint().getStatistics().addPageListener(statistics);
        meters = getEndpoint().getComponent().getMetrics().bindConsumer(new StatisticsFigures(this));
        startedAt = statistics.clock().instant();
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        getEndpoint().getStatistics().removePageListener(statistics);
        if (meters != null) {
            meters.close();
            meters = null;
        }
    }

    // ---- JMX

    @ManagedAttribute(description = "When the last poll started (ISO-8601 UTC)")
    public String getLastPollStarted() {
        return text(statistics.lastPollStartedAt());
    }

    @ManagedAttribute(description = "When the last poll ended (ISO-8601 UTC)")
    public String getLastPollEnded() {
        return text(statistics.lastPollEndedAt());
    }

    @ManagedAttribute(description = "How long the last poll took, in milliseconds")
    public long getLastPollDurationMillis() {
        Duration d = statistics.lastPollDuration();
        return d == null ? 0 : d.toMillis();
    }

    @ManagedAttribute(description = "How the last poll ended: SUCCESS, FAILURE or SKIPPED (previous exchanges in "
                                    + "flight, or Camel stopping)")
    public String getLastPollOutcome() {
        return statistics.lastPollOutcome() == null ? null : statistics.lastPollOutcome().name();
    }

    @ManagedAttribute(description = "Why the last poll failed")
    public String getLastPollError() {
        return Texts.mask(statistics.lastPollError(), secrets());
    }

    @ManagedAttribute(description = "Exchanges the last poll sent")
    public long getLastPollExchanges() {
        return statistics.lastPollExchanges();
    }

    @ManagedAttribute(description = "Polls whose listing succeeded")
    public long getSuccessfulPolls() {
        return statistics.polls(ConsumerStatistics.Outcome.SUCCESS);
    }

    @ManagedAttribute(description = "Polls that failed")
    public long getFailedPolls() {
        return statistics.polls(ConsumerStatistics.Outcome.FAILURE);
    }

    @ManagedAttribute(description = "Polls skipped")
    public long getSkippedPolls() {
        return statistics.polls(ConsumerStatistics.Outcome.SKIPPED);
    }

    @ManagedAttribute(description = "Records whose exchange completed successfully")
    public long getRecordsDelivered() {
        return statistics.recordsDelivered();
    }

    @ManagedAttribute(description = "Created records delivered (changesOnly)")
    public long getChangesCreated() {
        return statistics.changes(MapiqChangeType.CREATED);
    }

    @ManagedAttribute(description = "Updated records delivered (changesOnly)")
    public long getChangesUpdated() {
        return statistics.changes(MapiqChangeType.UPDATED);
    }

    @ManagedAttribute(description = "Deleted records delivered (changesOnly)")
    public long getChangesDeleted() {
        return statistics.changes(MapiqChangeType.DELETED);
    }

    @ManagedAttribute(description = "Pages of list answers read by the polls")
    public long getPagesRead() {
        return statistics.pages();
    }

    @ManagedAttribute(description = "The key of the consumer's state in the stateRepository")
    public String getStateKeyName() {
        return getStateKey();
    }

    @ManagedAttribute(description = "Entries the consumer's changesOnly state holds, in whichever store: the records of "
                                    + "a snapshot resource, the event ids kept near the check-in cursor (0 without "
                                    + "changesOnly)")
    public long getStateSize() {
        return stateSize();
    }

    @ManagedAttribute(description = "Records whose changesOnly state the consumer holds in the heap: every record with "
                                    + "the memory or file store, none between polls with stateDataSource")
    public long getRecordsInMemory() {
        return recordsInMemory();
    }

    @ManagedAttribute(description = "Check-in events with changesOnly: the timestamp of the newest delivered event")
    public String getCursorPosition() {
        return cursorPosition();
    }

    @ManagedAttribute(description = "When the next poll is due (ISO-8601 UTC); empty while a poll runs, when the "
                                    + "consumer is not running, or when a cron scheduler decides")
    public String getNextPollDue() {
        Instant due = nextPollDue();
        return due == null ? null : due.toString();
    }

    @ManagedOperation(description = "Zeroes the poll, record, change and page counters")
    public void resetStatistics() {
        statistics.reset();
    }

    /** When the default scheduler runs the next poll, or {@code null} when that is not known. */
    public Instant nextPollDue() {
        if (!isRunAllowed() || isSuspended() || statistics.isPolling()
            || !(getScheduler() instanceof DefaultScheduledPollConsumerScheduler)) {
            return null;
        }
        Instant ended = statistics.lastPollEndedAt();
        if (ended == null) {
            Instant started = startedAt;
            return started == null ? null : started.plusMillis(getInitialDelay());
        }
        Instant base = isUseFixedDelay() ? ended : statistics.lastPollStartedAt();
        return base.plusMillis(getDelay());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Tells the statistics when a poll begins and ends, then lets the configured strategy decide as usual. */
    private final class StatisticsPollStrategy implements PollingConsumerPollStrategy {

        private final PollingConsumerPollStrategy delegate;

        StatisticsPollStrategy(PollingConsumerPollStrategy delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean begin(Consumer consumer, Endpoint endpoint) {
            boolean go = delegate.begin(consumer, endpoint);
            if (go) {
                statistics.pollStarted();
            }
            return go;
        }

        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            statistics.pollSucceeded(polledMessages);
            delegate.commit(consumer, endpoint, polledMessages);
        }

        @Override
        public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause)
                throws Exception {
            String error = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
            statistics.pollFailed(Texts.mask(error, secrets()));
            return delegate.rollback(consumer, endpoint, retryCounter, cause);
        }
    }

    /** The secrets to mask in what the consumer reports. */
    protected String[] secrets() {
        return getEndpoint().getSettings().client().credentials().secrets();
    }
}
