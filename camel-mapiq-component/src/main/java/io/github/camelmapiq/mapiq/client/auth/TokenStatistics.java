package io.github.camelmapiq.mapiq.client.auth;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmapiq.mapiq.client.error.Texts;

/**
 * What an operator may know of one credential set's tokens: when the current one was obtained and when it expires, how
 * many token fetches there were and how many failed, and the last error. Never the token, the client id or the secret:
 * the error text has the secret masked should a server ever quote it.
 */
public final class TokenStatistics {

    private final String[] secrets;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Instant obtainedAt;
    private volatile Instant expiresAt;
    private volatile Instant lastErrorAt;
    private volatile String lastError;

    /** @param secrets the client secret (and {@code id:secret}), only to mask them in error texts */
    public TokenStatistics(String... secrets) {
        this.secrets = secrets;
    }

    /** Token fetches (a fetch retries transient failures of the token request within it). */
    public long requests() {
        return requests.get();
    }

    /** Token fetches that failed. */
    public long failures() {
        return failures.get();
    }

    /** When the current token was obtained; {@code null} before the first. */
    public Instant obtainedAt() {
        return obtainedAt;
    }

    /** When the current token expires; {@code null} before the first. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** When the last fetch failed; {@code null} if none did. */
    public Instant lastErrorAt() {
        return lastErrorAt;
    }

    /** Why the last fetch failed (secret masked); {@code null} if none did. */
    public String lastError() {
        return lastError;
    }

    /** Zeroes the counters and forgets the last error; the current token's times stay, as the token does. */
    public void reset() {
        requests.set(0);
        failures.set(0);
        lastError = null;
        lastErrorAt = null;
    }

    void requested() {
        requests.incrementAndGet();
    }

    void obtained(AccessToken token, Instant at) {
        obtainedAt = at;
        expiresAt = token.expiresAt();
    }

    void failed(Throwable error, Instant at) {
        failures.incrementAndGet();
        lastErrorAt = at;
        lastError = Texts.mask(error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName(),
                secrets);
    }

    /** {@code text} with {@code secret} replaced by asterisks. */
    public static String mask(String text, String secret) {
        return Texts.mask(text, secret);
    }

    @Override
    public String toString() {
        return "TokenStatistics{requests=" + requests + ", failures=" + failures + ", obtainedAt=" + obtainedAt
               + ", expiresAt=" + expiresAt + "}";
    }
}
