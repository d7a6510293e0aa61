package io.github.camelmapiq.mapiq.consumer;

import java.time.Clock;
import java.util.Iterator;
import java.util.List;
import java.util.Queue;

import io.github.camelmapiq.mapiq.ConsumerSettings;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import io.github.camelmapiq.mapiq.consumer.change.Change;
import io.github.camelmapiq.mapiq.consumer.change.ChangeTracker;
import io.github.camelmapiq.mapiq.consumer.change.ChangeTrackers;
import io.github.camelmapiq.mapiq.consumer.monitoring.MapiqConsumerHealthCheck;
import io.github.camelmapiq.mapiq.consumer.monitoring.MonitoredPollingConsumer;
import io.github.camelmapiq.mapiq.consumer.monitoring.PollFailureLogger;
import io.github.camelmapiq.mapiq.consumer.state.StateKeyClaims;
import io.github.camelmapiq.mapiq.consumer.state.StateRepositorySlot;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.ShutdownRunningTask;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.LoggingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Mapiq resource as Camel's batch consumers do: every poll lists the resource (its date window evaluated
 * anew), a {@link ChangeTracker} picks what to deliver as each page arrives, and the exchanges carry Camel's batch
 * properties. The tracker
 * learns about each exchange's outcome and stores its state once all exchanges of the poll have completed; a poll
 * does not start while exchanges of the previous one are still in flight (asynchronous routes), so nothing is
 * delivered twice because its completion had not been recorded yet.
 */
public class MapiqPollingConsumer extends MonitoredPollingConsumer { // ops: statistics and JMX live in the superclass

    private static final Logger LOG = LoggerFactory.getLogger(MapiqPollingConsumer.class);

    private final ConsumerSettings settings;
    private final ListQuery query;
    private final StateRepository<String, String> stateRepository;
    private final String stateKey;
    private final StateLocation state;
    private final ChangeTracker tracker;
    private final StateWriteFailures writeFailures;
    private Clock clock = Clock.systemDefaultZone();
    private RecordExchanges exchanges;
    private volatile PollCompletion lastPoll;
    private volatile boolean skippedPoll;
    private final PollInProgress inProgress = new PollInProgress();

    MapiqPollingConsumer(MapiqEndpoint endpoint, Processor processor, ListQuery query) {
        super(endpoint, processor);
        this.query = query;
        this.settings = endpoint.getSettings().consumer();
        this.stateKey = settings.stateKey() != null ? settings.stateKey() : "mapiq:" + query.identity();
        this.state = new StateLocation(endpoint, stateKey);
        this.stateRepository = state.repository();
        this.tracker = ChangeTrackers.create(endpoint, new StateRepositorySlot(stateRepository, stateKey), state.recordStore(),
                stateKey);
        this.writeFailures = new StateWriteFailures("the consumer of " + query);
        setMaxMessagesPerPoll(settings.maxMessagesPerPoll());
    }

    /** The query each poll runs (for tests and tooling). */
    public ListQuery getQuery() {
        return query;
    }

    /** The key of this consumer's state in the {@code stateRepository}. */
    public String getStateKey() {
        return stateKey;
    }

    @Override
    protected long recordsInMemory() {
        return tracker.recordsInMemory();
    }

    @Override
    protected long stateSize() {
        return tracker.stateSize();
    }

    @Override
    protected String cursorPosition() {
        return tracker.cursorPosition();
    }

    /** The clock that {@code today} is read from; replaceable so that tests can move the calendar. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            setHealthCheck(new MapiqConsumerHealthCheck(this, "consumer:" + getRouteId(), secrets()));
        }
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        state.start();
        if (settings.changesOnly()) {
            StateKeyClaims.of(getEndpoint().getCamelContext()).claim(state.claimed(), stateKey, owner());
        }
        try {
            state.load(tracker);
        } catch (Exception e) {
            releaseStateKey();
            throw e;
        }
        if (getExceptionHandler() instanceof LoggingExceptionHandler camelDefault) {
            setExceptionHandler(new PollFailureLogger(camelDefault, LOG));
        }
        lastPoll = null; // exchanges left over from before a stop must not hold back the polls
        exchanges = new RecordExchanges(getEndpoint(), getEndpoint().getRecordFormatter());
        super.doStart();
    }

    /**
     * Stops polling; a poll in progress has its reads cut off at once (its route stopped, or its leadership lost to
     * another replica), instead of reading on for up to {@code callTimeout}. What it did not deliver comes with the
     * next poll of whichever consumer runs then.
     */
    @Override
    protected void doStop() throws Exception {
        inProgress.abort();
        super.doStop();
        releaseStateKey();
    }

    /**
     * Camel's graceful stop or suspension of the route (through its route controller, or the context's stop) asks this
     * before it waits for the consumer, which it would otherwise do for as long as a poll reads: the poll in progress
     * ends here, its undelivered rest left for the next poll.
     */
    @Override
    public boolean deferShutdown(ShutdownRunningTask shutdownRunningTask) {
        inProgress.abort();
        return super.deferShutdown(shutdownRunningTask);
    }

    private void releaseStateKey() {
        if (settings.changesOnly()) {
            StateKeyClaims.of(getEndpoint().getCamelContext()).release(state.claimed(), stateKey, owner());
        }
    }

    /** Names this consumer in messages: its route, or its endpoint outside a route ({@code pollEnrich}). */
    private String owner() {
        return getRouteId() != null
                ? "route " + getRouteId()
                : "a polling consumer of " + getEndpoint().getEndpointUri() + " (#" + System.identityHashCode(this) + ")";
    }

    /**
     * Lists the resource and sends each change as its page arrives, while the next pages are read ahead
     * ({@link PageFeed}). The last
     * exchange is held back until the next change or the end of the poll is known, so that it can carry
     * {@code CamelBatchComplete}. Changes that only a complete listing shows (deletions) follow the listing; a listing
     * that fails ends the poll after the exchanges of what it delivered, and the failure goes to Camel's poll
     * exception handling.
     */
    @Override
    protected int poll() throws Exception {
        shutdownRunningTask = null;
        pendingExchanges = 0;
        skippedPoll = false;
        PollCompletion previous = lastPoll;
        if (previous != null && !previous.isDone()) {
            LOG.debug("Skipping a poll of {}: exchanges of the previous poll are still in flight", query);
            skippedPoll = true;
            statistics.pollSkipped(); // ops: poll outcome for JMX/console/metrics
            return 0;
        }
        if (writeFailures.paused()) {
            try {
                tracker.pollFinished(); // writes what the polls before delivered
                writeFailures.succeeded();
            } catch (Exception e) {
                writeFailures.failed(e);
                throw writeFailures.stillFailing(e);
            }
        }
        PollCompletion completion = new PollCompletion(tracker, getExceptionHandler(), writeFailures);
        lastPoll = completion;
        PollSender sender = new PollSender(this, completion, settings.splitResult(), exchanges, statistics);
        try (Listing listing = tracker.open(query, getEndpoint().getClient(), clock, getEndpoint().getListingExecutor(),
                getMaxMessagesPerPoll())) {
            inProgress.began(listing, !isRunAllowed() || isSuspending() || isSuspended());
            if (tracker.deliversEveryRecord()) {
                listing.bindWith(exchanges.binder());
            }
            boolean complete;
            try (PageFeed pages = new PageFeed(listing, tracker, getEndpoint().getListingExecutor(), writeFailures)) {
                List<ListedRecord> page;
                while (tracker.wantsMore() && sender.allowed() && (page = pages.next()) != null) {
                    for (ListedRecord record : page) {
                        Change change = tracker.found(record);
                        if (change != null) {
                            sender.offer(change);
                        }
                        if (!tracker.wantsMore()) {
                            break;
                        }
                    }
                }
                complete = pages.isComplete();
            }
            if (complete && sender.allowed()) {
                for (Iterator<Change> after = tracker.afterCompleteListing(); after.hasNext();) {
                    sender.offer(after.next());
                }
            }
        } catch (MapiqCallAbortedException stopping) {
            // not a failed poll: Camel is stopping; what this poll did not deliver comes with the next one
            LOG.debug("Poll of {} abandoned: {}", query, stopping.getMessage());
            skippedPoll = sender.count() == 0 && !sender.holdsAChange();
            if (skippedPoll) {
                statistics.pollSkipped(); // ops: poll outcome for JMX/console/metrics
            }
            sender.finish();
            return sender.count();
        } catch (Exception | Error failure) {
            sender.finish();
            throw failure;
        } finally {
            inProgress.ended();
        }
        sender.finish();
        LOG.debug("Polled {}: {} exchange(s)", query, sender.count());
        return sender.count();
    }

    /** Whether this poll may still send exchanges (Camel is not shutting the route down). */
    boolean batchAllowed() {
        return isBatchAllowed();
    }

    /** Exchanges of the poll still to send, as Camel's shutdown strategy reads them. */
    void setPendingExchanges(int pending) {
        pendingExchanges = pending;
    }

    /** Sends one exchange to the route, asynchronously, completing it as Camel's consumers do. */
    void send(Exchange exchange) {
        AsyncCallback callback = defaultConsumerCallback(exchange, true);
        getAsyncProcessor().process(exchange, callback);
    }

    /** Not used: a poll sends its exchanges as the listing is read ({@link #poll}), never as a queue. */
    @Override
    public int processBatch(Queue<Object> queue) {
        throw new UnsupportedOperationException("mapiq consumers send their exchanges while the listing is read");
    }

    /**
     * {@code greedy} polls again at once only while {@code maxMessagesPerPoll} left records for the next poll and the
     * last poll's exchanges all succeeded. A snapshot poll always finds records (every one without
     * {@code changesOnly}), so Camel's plain "found something, poll again" would call Mapiq in a busy loop, and a
     * record that keeps failing would be retried without pause.
     */
    @Override
    public boolean isGreedy() {
        PollCompletion poll = lastPoll;
        return super.isGreedy() && !skippedPoll && poll != null && poll.isDoneWithoutFailure()
               && tracker.deferredChanges();
    }

    /** The idle message of {@code sendEmptyMessageWhenIdle}: no body, but it names the resource like every record. */
    @Override
    protected void processEmptyMessage() throws Exception {
        if (!skippedPoll) {
            Exchange exchange = getEndpoint().createExchange();
            exchange.getMessage().setHeader(MapiqConstants.RESOURCE, getEndpoint().getResource().uriName());
            getProcessor().process(exchange);
        }
    }

}
