package io.github.camelmapiq.mapiq.auth;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * <li>A failed refresh does not fail calls while the current token is still usable; the next call tries again.</li>
 * </ul>
 * Never logs a token.
 */
public final class TokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

    private final TokenSource source;
    private final Clock clock;
    private final Object lock = new Object();
    private final AtomicLong tokenRequests = new AtomicLong();

    private volatile AccessToken current;
    private CompletableFuture<AccessToken> inFlight;

    public TokenManager(TokenSource source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    /** A token to send now: the current one if fresh, else a new one (fetched once however many threads ask). */
    public AccessToken token() throws Exception {
        AccessToken token = current;
        if (token != null && token.isFresh(clock.instant())) {
            return token;
        }
        CompletableFuture<AccessToken> flight;
        boolean mine = false;
        synchronized (lock) {
            token = current;
            if (token != null && token.isFresh(clock.instant())) {
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
                return fetch(flight);
            } catch (Exception e) {
                if (token != null && token.isUsable(clock.instant())) {
                    LOG.warn("Refreshing the Mapiq access token failed; the current one is used until it expires: {}",
                            e.getMessage());
                    return token;
                }
                throw e;
            }
        }
        if (token != null && token.isUsable(clock.instant())) {
            return token;
        }
        return await(flight);
    }

    /** Drops {@code refused} if it is still the current token, so the next {@link #token()} fetches a new one. */
    public void invalidate(AccessToken refused) {
        synchronized (lock) {
            if (current == refused) {
                current = null;
            }
        }
    }

    /** How many token requests this manager has made (successful or not). */
    public long tokenRequests() {
        return tokenRequests.get();
    }

    private AccessToken fetch(CompletableFuture<AccessToken> flight) throws Exception {
        try {
            tokenRequests.incrementAndGet();
            AccessToken fresh = source.requestToken();
            synchronized (lock) {
                current = fresh;
                inFlight = null;
            }
            flight.complete(fresh);
            return fresh;
        } catch (Exception | Error e) {
            synchronized (lock) {
                inFlight = null;
            }
            flight.completeExceptionally(e);
            throw e;
        }
    }

    private static AccessToken await(CompletableFuture<AccessToken> flight) throws Exception {
        try {
            return flight.get();
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
