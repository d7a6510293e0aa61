package io.github.camelmapiq.mapiq.client.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.github.camelmapiq.mapiq.client.error.Texts;

/**
 * One endpoint's calls to Mapiq, for operators (JMX, dev console, metrics): calls, retries, 429 waits and the time
 * spent in them, errors by status, the last error, and the pages and records its listings read. Numbers and error
 * texts only: the secret is masked in any error text, and no token or query string is kept.
 */
public final class MapiqEndpointStatistics {

    /** Error key of a call that failed without an HTTP answer (connection refused, reset, timeout). */
    public static final String IO_ERROR = "io";
    /** Error key of a call that failed because no token could be obtained. */
    public static final String TOKEN_ERROR = "token";

    /** Told of each page a listing read, while the listing runs (for progress logs). */
    @FunctionalInterface
    public interface PageListener {
        void pageRead(long records);
    }

    /** Told of each failed call, by error key (status code, {@value #IO_ERROR} or {@value #TOKEN_ERROR}). */
    @FunctionalInterface
    public interface ErrorListener {
        void failed(String key);
    }

    private final Clock clock;
    private final String[] secrets;
    /** Counted by every call of every thread: an adder, so that the threads do not contend for one counter. */
    private final LongAdder calls = new LongAdder();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rateLimitWaits = new AtomicLong();
    private final AtomicLong rateLimitWaitMillis = new AtomicLong();
    private final AtomicLong pages = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<PageListener> pageListeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<ErrorListener> errorListeners = new CopyOnWriteArrayList<>();
    private volatile String lastError;
    private volatile Instant lastErrorAt;

    /** @param secrets the client secret (and {@code id:secret}), only to mask them in error texts */
    public MapiqEndpointStatistics(Clock clock, String... secrets) {
        this.clock = clock;
        this.secrets = secrets;
    }

    /** HTTP requests sent (every attempt counts). */
    public long calls() {
        return calls.sum();
    }

    /** Attempts repeated after a transient failure (429 included). */
    public long retries() {
        return retries.get();
    }

    /** Waits asked for by a 429 answer (Too Many Requests). */
    public long rateLimitWaits() {
        return rateLimitWaits.get();
    }

    /** Total time spent in 429 waits. */
    public Duration rateLimitWaitTime() {
        return Duration.ofMillis(rateLimitWaitMillis.get());
    }

    /** Pages of list answers read. */
    public long pages() {
        return pages.get();
    }

    /** Records read from list answers. */
    public long records() {
        return records.get();
    }

    /** Failed calls by HTTP status (or {@value #IO_ERROR}, {@value #TOKEN_ERROR}), sorted by key. */
    public Map<String, Long> errorsByStatus() {
        Map<String, Long> copy = new TreeMap<>();
        errors.forEach((key, count) -> copy.put(key, count.get()));
        return copy;
    }

    /** All failed calls. */
    public long errors() {
        return errors.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** The text of the last failed call (secret masked); {@code null} if none failed. */
    public String lastError() {
        return lastError;
    }

    /** When the last call failed; {@code null} if none failed. */
    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Zeroes the counters and forgets the last error. */
    public void reset() {
        calls.reset();
        retries.set(0);
        rateLimitWaits.set(0);
        rateLimitWaitMillis.set(0);
        pages.set(0);
        records.set(0);
        errors.clear();
        lastError = null;
        lastErrorAt = null;
    }

    public void addPageListener(PageListener listener) {
        pageListeners.add(listener);
    }

    public void removePageListener(PageListener listener) {
        pageListeners.remove(listener);
    }

    public void addErrorListener(ErrorListener listener) {
        errorListeners.add(listener);
    }

    public void removeErrorListener(ErrorListener listener) {
        errorListeners.remove(listener);
    }

    void countCall() {
        calls.increment();
    }

    void countRetry(int status, Duration wait) {
        retries.incrementAndGet();
        if (status == 429) {
            rateLimitWaits.incrementAndGet();
            rateLimitWaitMillis.addAndGet(wait.toMillis());
        }
    }

    void countPage(long recordsOfPage) {
        pages.incrementAndGet();
        records.addAndGet(recordsOfPage);
        for (PageListener listener : pageListeners) {
            listener.pageRead(recordsOfPage);
        }
    }

    void countError(String key, Throwable error) {
        errors.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
        lastErrorAt = clock.instant();
        String text = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        lastError = Texts.mask(text, secrets);
        for (ErrorListener listener : errorListeners) {
            listener.failed(key);
        }
    }

    @Override
    public String toString() {
        return "MapiqEndpointStatistics{calls=" + calls + ", retries=" + retries + ", rateLimitWaits=" + rateLimitWaits
               + ", errors=" + errorsByStatus() + ", pages=" + pages + "}";
    }
}
