package io.github.camelmapiq.mapiq.consumer;

import java.time.Clock;
import java.util.List;
import java.util.Queue;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.http.ListQuery;
import io.github.camelmapiq.mapiq.http.MapiqCallAbortedException;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.LoggingExceptionHandler;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Mapiq resource as Camel's batch consumers do: every poll lists the resource (its date window evaluated
 * anew), a {@link ChangeTracker} picks what to deliver, and the exchanges carry Camel's batch properties. The tracker
 * learns about each exchange's outcome and stores its state once all exchanges of the poll have completed; a poll
 * does not start while exchanges of the previous one are still in flight (asynchronous routes), so nothing is
 * delivered twice because its completion had not been recorded yet.
 */
public class MapiqPollingConsumer extends MonitoredPollingConsumer { // ops: statistics and JMX live in the superclass

    private static final Logger LOG = LoggerFactory.getLogger(MapiqPollingConsumer.class);

    private final MapiqConfiguration configuration;
    private final ListQuery query;
    private final StateRepository<String, String> stateRepository;
    private final String stateKey;
    private final ChangeTracker tracker;
    private Clock clock = Clock.systemDefaultZone();
    private RecordExchanges exchanges;
    private volatile PollCompletion lastPoll;
    private volatile boolean skippedPoll;

    MapiqPollingConsumer(MapiqEndpoint endpoint, Processor processor, ListQuery query) {
        super(endpoint, processor);
        this.configuration = endpoint.getConfiguration();
        this.query = query;
        if (configuration.getStateRepository() == null) {
            // kept on the endpoint's own configuration: Camel creates a new consumer when a route is restarted
            configuration.setStateRepository(new MemoryStateRepository());
        }
        this.stateRepository = configuration.getStateRepository();
        this.stateKey = configuration.getStateKey() != null && !configuration.getStateKey().isBlank()
                ? configuration.getStateKey().trim() : "mapiq:" + query.identity();
        this.tracker = ChangeTrackers.create(endpoint, new StateStore(stateRepository, stateKey));
        setMaxMessagesPerPoll(configuration.getMaxMessagesPerPoll());
    }

    @Override
    public MapiqEndpoint getEndpoint() {
        return (MapiqEndpoint) super.getEndpoint();
    }

    /** The query each poll runs (for tests and tooling). */
    public ListQuery getQuery() {
        return query;
    }

    /** The key of this consumer's state in the {@code stateRepository}. */
    public String getStateKey() {
        return stateKey;
    }

    /** The clock that {@code today} is read from; replaceable so that tests can move the calendar. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doBuild() throws Exception {
        if (getHealthCheck() == null) {
            setHealthCheck(new MapiqConsumerHealthCheck(this, "consumer:" + getRouteId(),
                                                        configuration.getClientSecret()));
        }
        super.doBuild();
    }

    @Override
    protected void doStart() throws Exception {
        // repositories are started, never stopped here: stopping a MemoryStateRepository clears it
        ServiceHelper.startService(stateRepository);
        if (configuration.isChangesOnly()) {
            StateKeyClaims.claim(stateRepository, stateKey, owner());
        }
        try {
            tracker.load();
        } catch (Exception e) {
            releaseStateKey();
            throw e;
        }
        if (getExceptionHandler() instanceof LoggingExceptionHandler camelDefault) {
            setExceptionHandler(new PollFailureLogger(camelDefault));
        }
        lastPoll = null; // exchanges left over from before a stop must not hold back the polls
        exchanges = new RecordExchanges(getEndpoint(), getEndpoint().getRecordFormatter(),
                                        getEndpoint().getClient().mapper());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        releaseStateKey();
    }

    private void releaseStateKey() {
        if (configuration.isChangesOnly()) {
            StateKeyClaims.release(stateRepository, stateKey, owner());
        }
    }

    /** Names this consumer in messages: its route, or its endpoint outside a route ({@code pollEnrich}). */
    private String owner() {
        return getRouteId() != null
                ? "route " + getRouteId()
                : "a polling consumer of " + getEndpoint().getEndpointUri() + " (#" + System.identityHashCode(this) + ")";
    }

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
        List<Change> changes;
        try {
            changes = tracker.collect(query, getEndpoint().getClient(), clock, getMaxMessagesPerPoll());
        } catch (MapiqCallAbortedException stopping) {
            // not a failed poll: Camel is stopping; what this poll would have delivered comes with the next one
            LOG.debug("Poll of {} abandoned: {}", query, stopping.getMessage());
            skippedPoll = true;
            statistics.pollSkipped(); // ops: poll outcome for JMX/console/metrics
            return 0;
        }
        int count = changes.size();
        Queue<Object> batches = exchanges.batches(changes, configuration.isSplitResult());
        lastPoll = new PollCompletion(tracker, getExceptionHandler(), batches.size());
        LOG.debug("Polled {}: {} change(s) in {} exchange(s)", query, count, batches.size());
        return processBatch(batches);
    }

    /**
     * Creates and sends the exchange of each item of the queue ({@link RecordExchanges#batches}), one at a time, and
     * reports its outcome to the poll's completion. An item leaves the queue before its exchange is created, so only
     * the records not sent yet are held, and never more than one body that is not in the route.
     */
    @Override
    public int processBatch(Queue<Object> queue) throws Exception {
        PollCompletion completion = lastPoll;
        int total = queue.size();
        for (int index = 0; index < total; index++) {
            Object batch = queue.poll();
            List<Change> carried = RecordExchanges.changesOf(batch);
            if (!isBatchAllowed()) {
                completion.failed(carried); // shutting down: not sent, so delivered by a later poll
                continue;
            }
            Exchange exchange = exchanges.create(batch);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            pendingExchanges = total - index - 1;
            if (exchange.getException() != null) {
                getExceptionHandler().handleException("Cannot build the message of a Mapiq record; it is tried again "
                                                      + "at the next poll",
                        exchange, exchange.getException());
                completion.failed(carried);
                continue;
            }
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    completion.succeeded(carried);
                    statistics.delivered(carried); // ops: records delivered and changes by type
                }

                @Override
                public void onFailure(Exchange failed) {
                    completion.failed(carried);
                }
            });
            AsyncCallback callback = defaultConsumerCallback(exchange, true);
            getAsyncProcessor().process(exchange, callback);
        }
        return total;
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
