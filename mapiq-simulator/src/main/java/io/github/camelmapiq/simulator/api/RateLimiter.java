package io.github.camelmapiq.simulator.api;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token bucket per client application: {@code rate} requests per second with a burst of one
 * second's worth. Uses {@link System#nanoTime()}, not the simulator's clock, so a frozen test
 * clock does not freeze the bucket.
 */
public final class RateLimiter {

    private static final class Bucket {
        double tokens;
        long last;
    }

    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Answers 0 when the call may proceed, else the seconds (at least 1) to wait. */
    int acquire(String clientId, int ratePerSecond) {
        if (ratePerSecond <= 0) {
            return 0;
        }
        Bucket b = buckets.computeIfAbsent(clientId, k -> {
            Bucket n = new Bucket();
            n.tokens = ratePerSecond;
            n.last = System.nanoTime();
            return n;
        });
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(ratePerSecond, b.tokens + (now - b.last) / 1e9 * ratePerSecond);
            b.last = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            double wait = (1 - b.tokens) / ratePerSecond;
            return (int) Math.max(1, Math.ceil(wait));
        }
    }

    public void reset() {
        buckets.clear();
    }
}
