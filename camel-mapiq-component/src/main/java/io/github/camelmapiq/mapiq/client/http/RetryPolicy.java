package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;

import org.apache.hc.client5.http.ConnectTimeoutException;

/**
 * Which failed calls are repeated, and after how long. Reads ({@link CallKind#READ}) are repeated after connection
 * failures, 5xx and 429; writes only when Mapiq cannot have processed them: the connection was never made, 429, or 503
 * with {@code Retry-After}. Waits double from {@code retryInitialDelay} with jitter, or follow {@code Retry-After};
 * a {@code Retry-After} beyond {@code maxRetryWait} is not waited for at all.
 */
final class RetryPolicy {

    private final int maxRetries;
    private final Duration initialDelay;
    private final Duration maxWait;
    private final Clock clock;

    RetryPolicy(int maxRetries, Duration initialDelay, Duration maxWait, Clock clock) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, was " + maxRetries);
        }
        this.maxRetries = maxRetries;
        this.initialDelay = initialDelay.isNegative() ? Duration.ZERO : initialDelay;
        this.maxWait = maxWait.isNegative() ? Duration.ZERO : maxWait;
        this.clock = clock;
    }

    int maxAttempts() {
        return maxRetries + 1;
    }

    Duration maxWait() {
        return maxWait;
    }

    /** May an answer with this status be retried? */
    boolean isRetriable(CallKind kind, int status, boolean hasRetryAfter) {
        if (kind == CallKind.READ) {
            return status == 429 || status >= 500;
        }
        return status == 429 || status == 503 && hasRetryAfter;
    }

    /** May a call that failed with {@code failure} (no answer, or an answer that broke off) be retried? */
    boolean isRetriable(CallKind kind, IOException failure) {
        if (causedBy(failure, SSLHandshakeException.class)) {
            return false; // an untrusted certificate: the same again next time
        }
        return kind == CallKind.READ || neverReachedServer(failure);
    }

    /** The wait before retry number {@code retry} (1 for the first): doubling from the initial delay, with jitter. */
    Duration backoff(int retry) {
        long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxWait.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    /** The wait a {@code Retry-After} value asks for (delay seconds or an HTTP date); {@code null} if absent or bad. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            long seconds = Long.parseLong(v);
            return Duration.ofSeconds(Math.max(0, seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean neverReachedServer(IOException e) {
        return e instanceof ConnectException || e instanceof ConnectTimeoutException
               || e instanceof UnknownHostException || e instanceof NoRouteToHostException;
    }
}
