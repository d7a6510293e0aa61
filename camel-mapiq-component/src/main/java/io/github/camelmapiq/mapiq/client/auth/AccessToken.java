package io.github.camelmapiq.mapiq.client.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token and when to replace it. {@link #toString()} never shows the token.
 *
 * @param value      the token, sent as {@code Authorization: Bearer <value>}
 * @param refreshAt  from this instant the next caller fetches a new token (others keep using this one meanwhile)
 * @param usableUntil after this instant the token is no longer handed out (a little before it expires, so that it
 *                   does not expire on the wire)
 * @param expiresAt  when the token expires, as the token endpoint said (shown to operators; never the token itself)
 */
public record AccessToken(String value, Instant refreshAt, Instant usableUntil, Instant expiresAt) {

    /**
     * A token valid for {@code lifetime} from {@code issuedAt}, refreshed {@code refreshMargin} before it expires;
     * tokens shorter-lived than twice the margin are refreshed at half their lifetime. It is handed out until 5 s (at
     * most a tenth of its lifetime) before it expires, so a call in flight does not arrive with an expired token.
     */
    public static AccessToken issued(String value, Instant issuedAt, Duration lifetime, Duration refreshMargin) {
        Duration margin = min(refreshMargin, lifetime.dividedBy(2));
        Duration grace = min(Duration.ofSeconds(5), lifetime.dividedBy(10));
        Instant expiresAt = issuedAt.plus(lifetime);
        return new AccessToken(value, expiresAt.minus(margin), expiresAt.minus(grace), expiresAt);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Before {@link #refreshAt()}: use it without asking for a new one. */
    public boolean isFresh(Instant now) {
        return now.isBefore(refreshAt);
    }

    /** Before {@link #usableUntil()}: still good to send while someone else refreshes. */
    public boolean isUsable(Instant now) {
        return now.isBefore(usableUntil);
    }

    @Override
    public String toString() {
        return "AccessToken{value=xxxxxx, refreshAt=" + refreshAt + ", usableUntil=" + usableUntil + ", expiresAt="
               + expiresAt + "}";
    }
}
