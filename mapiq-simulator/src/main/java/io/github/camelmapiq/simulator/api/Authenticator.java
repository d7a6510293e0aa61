package io.github.camelmapiq.simulator.api;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.http.ApiException;

/** Checks the bearer token of an API call, the client's rate limit and the permission the call needs. */
final class Authenticator {

    private final Tokens tokens;
    private final RateLimiter limiter;
    private final Settings settings;

    Authenticator(Tokens tokens, RateLimiter limiter, Settings settings) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.settings = settings;
    }

    /** The caller's token; v1 and v2 tokens are not interchangeable. */
    Tokens.Token authenticate(HttpExchange ex, boolean v1) {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        if (h == null || h.isBlank()) {
            throw ApiException.unauthorized("The request has no bearer token.");
        }
        if (h.length() < 7 || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("The Authorization header is not a Bearer token.");
        }
        Tokens.Token t = tokens.find(h.substring(7).trim());
        if (t == null || t.v1 != v1) {
            throw ApiException.unauthorized("The access token is unknown.");
        }
        if (t.revoked) {
            throw ApiException.unauthorized("The access token has been revoked.");
        }
        if (tokens.expired(t)) {
            throw ApiException.unauthorized("The access token expired at " + t.expiresAt + ".");
        }
        int limit = settings.rateLimitPerSecond();
        int wait = limiter.acquire(t.clientId, limit);
        if (wait > 0) {
            throw ApiException.tooManyRequests(wait, "The client application '" + t.clientId + "' exceeded "
                    + limit + " requests per second.");
        }
        return t;
    }

    /** The token of a call that needs {@code permission}; 401 or 403 otherwise. */
    Tokens.Token authorize(HttpExchange ex, boolean v1, String permission) {
        Tokens.Token t = authenticate(ex, v1);
        require(t, permission);
        return t;
    }

    static void require(Tokens.Token t, String permission) {
        if (!t.permissions.contains(permission)) {
            throw ApiException.forbidden(permission);
        }
    }
}
