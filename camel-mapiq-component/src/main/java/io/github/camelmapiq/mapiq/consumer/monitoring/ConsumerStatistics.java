package io.github.camelmapiq.mapiq.consumer.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.client.http.MapiqEndpointStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One consumer's polls, for operators (JMX, dev console, metrics): when the last poll started and ended, how long it
 * took and how it ended, the records delivered and the changes by type, the pages read. A poll that runs longer than
 * {@link #PROGRESS_AFTER} logs its progress at INFO (pages, records, elapsed), at most once per that interval, and its
 * end; shorter polls log nothing here.
 */
public final class ConsumerStatistics implements MapiqEndpointStatistics.PageListener {

    /** How a poll ended. */
    public enum Outcome {
        /** The listing succeeded (its exchanges may still be in flight). */
        SUCCESS,
        /** The listing failed; nothing was delivered, the next poll tries again. */
        FAILURE,
        /**
         * Nothing was asked of Mapiq: exchanges of the previous poll were still in flight, or Camel was stopping.
         */
        SKIPPED
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerStatistics.class);
    /** A poll longer than this logs its progress at INFO. */
    public static final Duration PROGRESS_AFTER = Duration.ofSeconds(5);

    private volatile String name;
    private Clock clock = Clock.systemUTC();
    private Duration progressAfter = PROGRESS_AFTER;

    private final Map<Outcome, AtomicLong> polls = new EnumMap<>(Outcome.class);
    private final Map<MapiqChangeType, AtomicLong> changes = new EnumMap<>(MapiqChangeType.class);
    private final AtomicLong recordsDelivered = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();

    private volatile Instant lastPollStartedAt;
    private volatile Instant lastPollEndedAt;
    private volatile Duration lastPollDuration;
    private volatile Outcome lastPollOutcome;
    private volatile String lastPollError;
    private volatile long lastPollExchanges;
    private volatile long lastPollPages;
    private volatile long lastPollRecordsRead;
    private volatile boolean polling;
    private volatile boolean skipped;
    private volatile Instant lastProgressLog;

    /** @param name what the logs call the consumer (its route, or its endpoint outside a route) */
    ConsumerStatistics(String name) {
        this.name = name;
        for (Outcome outcome : Outcome.values()) {
            polls.put(outcome, new AtomicLong());
        }
        for (MapiqChangeType type : MapiqChangeType.values()) {
            changes.put(type, new AtomicLong());
        }
    }

    /** What the logs call the consumer, once its route is known. */
    void setName(String name) {
        this.name = name;
    }

    /** The clock the poll times are read from (replaceable for tests). */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    /** From how long a poll logs its progress at INFO (replaceable for tests). */
    public void setProgressAfter(Duration progressAfter) {
        this.progressAfter = progressAfter;
    }

    // ---- what the consumer reports

    /** A poll begins. */
    void pollStarted() {
        lastPollStartedAt = clock.instant();
        lastPollPages = 0;
        lastPollRecordsRead = 0;
        lastProgressLog = lastPollStartedAt;
        skipped = false;
        polling = true;
    }

    /** This poll asks nothing of Mapiq (exchanges of the previous poll in flight, or Camel stopping). */
    public void pollSkipped() {
        skipped = true;
    }

    /** The poll's listing succeeded (or was skipped) and {@code exchanges} exchanges were sent. */
    void pollSucceeded(long exchanges) {
        lastPollExchanges = exchanges;
        lastPollError = null;
        pollEnded(skipped ? Outcome.SKIPPED : Outcome.SUCCESS);
    }

    /** The poll failed with {@code error} (its text, secret masked). */
    void pollFailed(String error) {
        lastPollExchanges = 0;
        lastPollError = error;
        pollEnded(Outcome.FAILURE);
    }

    private void pollEnded(Outcome outcome) {
        Instant end = clock.instant();
        Instant start = lastPollStartedAt;
        Duration duration = start == null ? Duration.ZERO : Duration.between(start, end);
        lastPollEndedAt = end;
        lastPollDuration = duration;
        lastPollOutcome = outcome;
        polling = false;
        polls.get(outcome).incrementAndGet();
        if (duration.compareTo(progressAfter) >= 0) {
            LOG.info("Poll of {} took {} ms ({}): {} page(s), {} record(s) read, {} exchange(s) sent", name,
                    duration.toMillis(), outcome.name().toLowerCase(), lastPollPages, lastPollRecordsRead,
                    lastPollExchanges);
        } else {
            LOG.debug("Poll of {} took {} ms ({})", name, duration.toMillis(), outcome.name().toLowerCase());
        }
    }

    /** A record's exchange completed successfully; {@code type}: how it changed ({@code null} without changesOnly). */
    public void delivered(MapiqChangeType type) {
        recordsDelivered.incrementAndGet();
        if (type != null) {
            changes.get(type).incrementAndGet();
        }
    }

    /** A page of a listing was read: counted if this consumer is polling, and logged if the poll is long. */
    @Override
    public void pageRead(long records) {
        if (!polling) {
            return;
        }
        pages.incrementAndGet();
        lastPollPages++;
        lastPollRecordsRead += records;
        Instant now = clock.instant();
        Instant start = lastPollStartedAt;
        Instant logged = lastProgressLog;
        if (start != null && Duration.between(start, now).compareTo(progressAfter) >= 0
            && (logged == start || Duration.between(logged, now).compareTo(progressAfter) >= 0)) {
            lastProgressLog = now;
            LOG.info("Polling {} for {} ms: {} page(s), {} record(s) read so far", name,
                    Duration.between(start, now).toMillis(), lastPollPages, lastPollRecordsRead);
        }
    }

    /** Zeroes the counters; the times and outcome of the last poll stay. */
    public void reset() {
        polls.values().forEach(c -> c.set(0));
        changes.values().forEach(c -> c.set(0));
        recordsDelivered.set(0);
        pages.set(0);
    }

    // ---- what operators read

    public Instant lastPollStartedAt() {
        return lastPollStartedAt;
    }

    public Instant lastPollEndedAt() {
        return lastPollEndedAt;
    }

    public Duration lastPollDuration() {
        return lastPollDuration;
    }

    /** The outcome of the last poll; {@code null} before the first ended. */
    public Outcome lastPollOutcome() {
        return lastPollOutcome;
    }

    /** Why the last poll failed (secret masked); {@code null} unless it did. */
    public String lastPollError() {
        return lastPollError;
    }

    /** Exchanges the last poll sent. */
    public long lastPollExchanges() {
        return lastPollExchanges;
    }

    /** Pages the last (or current) poll read. */
    public long lastPollPages() {
        return lastPollPages;
    }

    /** Whether a poll is running now. */
    public boolean isPolling() {
        return polling;
    }

    /** Polls that ended with {@code outcome}. */
    public long polls(Outcome outcome) {
        return polls.get(outcome).get();
    }

    /** Records whose exchange completed successfully. */
    public long recordsDelivered() {
        return recordsDelivered.get();
    }

    /** Changes delivered with {@code changesOnly}, of {@code type}. */
    public long changes(MapiqChangeType type) {
        return changes.get(type).get();
    }

    /** Pages of list answers this consumer's polls read. */
    public long pages() {
        return pages.get();
    }

    @Override
    public String toString() {
        return "ConsumerStatistics{" + name + ", lastPollOutcome=" + lastPollOutcome + ", recordsDelivered="
               + recordsDelivered + ", pages=" + pages + "}";
    }
}
