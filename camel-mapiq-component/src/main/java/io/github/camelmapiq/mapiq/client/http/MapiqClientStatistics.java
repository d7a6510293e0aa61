package io.github.camelmapiq.mapiq.client.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of a component's calls to Mapiq, for health checks and monitoring. Holds numbers only, never a secret.
 */
public final class MapiqClientStatistics {

    /** Counted by every call of every thread: an adder, so that the threads do not contend for one counter. */
    private final LongAdder calls = new LongAdder();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong replaysAfterUnauthorized = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();

    /** HTTP requests sent to the API (every attempt counts). */
    public long calls() {
        return calls.sum();
    }

    /** Attempts repeated after a transient failure. */
    public long retries() {
        return retries.get();
    }

    /** Calls replayed once with a new token after the API answered 401. */
    public long replaysAfterUnauthorized() {
        return replaysAfterUnauthorized.get();
    }

    /** Calls that failed for good (after retries), including calls that could not get a token. */
    public long failures() {
        return failures.get();
    }

    /** Requests sent to the token endpoint, successful or not (every retry counts). */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Zeroes the counters. */
    public void reset() {
        calls.reset();
        retries.set(0);
        replaysAfterUnauthorized.set(0);
        failures.set(0);
        tokenRequests.set(0);
    }

    void countCall() {
        calls.increment();
    }

    void countRetry() {
        retries.incrementAndGet();
    }

    void countReplay() {
        replaysAfterUnauthorized.incrementAndGet();
    }

    void countFailure() {
        failures.incrementAndGet();
    }

    void countTokenRequest() {
        tokenRequests.incrementAndGet();
    }

    @Override
    public String toString() {
        return "MapiqClientStatistics{calls=" + calls + ", retries=" + retries + ", replaysAfterUnauthorized="
               + replaysAfterUnauthorized + ", failures=" + failures + ", tokenRequests=" + tokenRequests + "}";
    }
}
