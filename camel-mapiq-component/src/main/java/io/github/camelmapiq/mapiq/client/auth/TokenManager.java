package io.github.camelmapiq.mapiq.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out the current bearer token of one credential set, shared by every endpoint that uses it.
 * <ul>
 * <li>Fetched on first use, then reused until its refresh time (see {@link AccessToken#issued}).</li>
 * <li>Single flight: however many threads ask at once, one token request is made; the others wait for it, or keep
 * using the old token while it is still usable (refresh ahead of expiry).</li>
 * <li>{@link #invalidate(AccessToken)} drops a token the API refused, but only if it is still the current one, so a
 * burst of 401s for one old token causes one new token request, not many.</li>
 * <li>A failed refresh does not fail calls while the current token is still usable. The next refresh is tried after a
 * pause (1 s, doubling up to 30 s), not by every call, so a token endpoint outage neither floods it nor slows every
 * call; the outage is logged once at WARN and its end at INFO.</li>
 * </ul>
 * Never logs a token.
 */
public final class TokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final TokenSource source;
    private final Clock clock;
    private final Object lock = new Object();
    private static final Duration FIRST_REFRESH_PAUSE = Duration.ofSeconds(1);
    private static final Duration LONGEST_REFRESH_PAUSE = Duration.ofSeconds(30);

    private final AtomicLong tokenRequests = new AtomicLong();

    private volatile AccessToken current;
    private CompletableFuture<AccessToken> inFlight;
    /** Failed token requests since the last success (guarded by {@code lock}). */
    private int failures;
    /** While the current token is usable, no refresh is tried before this instant (guarded by {@code lock}). */
    private Instant nextRefreshAttempt = Instant.MIN;

    private final TokenStatistics statistics;

    public TokenManager(TokenSource source, Clock clock) {
        this(source, clock, new TokenStatistics());
    }

    /** With the statistics operators see (JMX, dev console, metrics). */
    public TokenManager(TokenSource source, Clock clock, TokenStatistics statistics) {
        this.source = source;
        this.clock = clock;
        this.statistics = statistics;
    }

    /** Token times, fetches, failures and the last error of this credential set. */
    public TokenStatistics statistics() {
        return statistics;
    }

    /** A token to send now: the current one if fresh, else a new one (fetched once however many threads ask). */
    public AccessToken token() throws Exception {
        return token(source, TokenRequestScope.UNBOUNDED);
    }

    /** As {@link #token()}, within {@code scope}: its deadline bounds the token request and the wait for it. */
    public AccessToken token(TokenRequestScope scope) throws Exception {
        return token(source, scope);
    }

    /**
     * As {@link #token()}, but a token request this call makes goes through {@code via}: the token client of the
     * endpoint asking (its connection pool, proxy, TLS, retry options and refresh margin), while the token itself is
     * shared with every endpoint of the same credentials. The token request this call makes, and its wait for one that
     * another call makes, end at {@code scope}'s deadline.
     */
    public AccessToken token(TokenSource via, TokenRequestScope scope) throws Exception {
        AccessToken token = current;
        if (token != null && token.isFresh(clock.instant())) {
            return token;
        }
        CompletableFuture<AccessToken> flight;
        boolean mine = false;
        synchronized (lock) {
            token = current;
            Instant now = clock.instant();
            if (token != null && (token.isFresh(now) || token.isUsable(now) && now.isBefore(nextRefreshAttempt))) {
                return token;
            }
            if (inFlight == null) {
                inFlight = new CompletableFuture<>();
                mine = true;
            }
            flight = inFlight;
        }
        if (mine) {
            try {
                return fetch(flight, via, scope);
            } catch (Exception e) {
                if (token != null && token.isUsable(clock.instant())) {
                    refreshFailed(token, e);
                    return token;
                }
                throw e;
            }
        }
        if (token != null && token.isUsable(clock.instant())) {
            return token;
        }
        return await(flight, scope);
    }

    /** Drops {@code refused} if it is still the current token, so the next {@link #token()} fetches a new one. */
    public void invalidate(AccessToken refused) {
        synchronized (lock) {
            if (current == refused) {
                current = null;
            }
        }
    }

    /** How many times this manager fetched a token (successful or not; a fetch may retry several requests). */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    private AccessToken fetch(CompletableFuture<AccessToken> flight, TokenSource via, TokenRequestScope scope)
            throws Exception {
        try {
            tokenRequests.incrementAndGet();
            statistics.requested();
            AccessToken fresh = via.requestToken(scope);
            statistics.obtained(fresh, clock.instant());
            int failedBefore;
            synchronized (lock) {
                current = fresh;
                inFlight = null;
                failedBefore = failures;
                failures = 0;
                nextRefreshAttempt = Instant.MIN;
            }
            if (failedBefore > 0) {
                LOG.info("Mapiq access token refreshed again after {} failed attempt(s)", failedBefore);
            }
            flight.complete(fresh);
            return fresh;
        } catch (Exception | Error e) {
            synchronized (lock) {
                // ends the flight and sets the next attempt's time in one step: a thread that finds no flight in
                // progress also finds the pause, so it cannot start a second request during an outage
                inFlight = null;
                failures++;
                AccessToken serving = current;
                if (serving != null && serving.isUsable(clock.instant())) {
                    Duration pause = FIRST_REFRESH_PAUSE.multipliedBy(1L << Math.min(failures - 1, 5));
                    nextRefreshAttempt = clock.instant().plus(pause.compareTo(LONGEST_REFRESH_PAUSE) < 0
                            ? pause : LONGEST_REFRESH_PAUSE);
                }
            }
            statistics.failed(e, clock.instant());
            flight.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * A refresh failed while {@code token} still serves (the pause before the next attempt is already set): warn at
     * the first failure of an outage only; later ones are logged at DEBUG.
     */
    private void refreshFailed(AccessToken token, Exception e) {
        int failed;
        synchronized (lock) {
            failed = failures;
        }
        if (failed == 1) {
            LOG.warn("Refreshing the Mapiq access token failed; the current token is used until {} and a refresh is "
                     + "tried again in the meantime: {}", token.usableUntil(), e.getMessage());
        } else {
            LOG.debug("Refreshing the Mapiq access token failed again ({} attempts): {}", failed, e.getMessage());
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> flight, TokenRequestScope scope) throws Exception {
        long left = scope.nanosLeft();
        try {
            return left == Long.MAX_VALUE ? flight.get() : flight.get(Math.max(0, left), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw scope.timedOut("the access token another call was fetching", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        }
    }

    @Override
    public String toString() {
        return "TokenManager{tokenRequests=" + tokenRequests + "}";
    }
}
