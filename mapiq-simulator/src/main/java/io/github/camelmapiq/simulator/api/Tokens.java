package io.github.camelmapiq.simulator.api;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Client applications and the opaque bearer tokens issued to them. Tokens expire by the
 * simulator's clock and stay known after expiry or revocation, so a client is told which of the
 * three happened (missing, unknown, expired, revoked each have their own description).
 */
public final class Tokens {

    record Client(String id, String secret, Set<String> permissions) {
    }

    static final class Token {
        final String value;
        final String clientId;
        final Set<String> permissions;
        final Instant expiresAt;
        final boolean v1;
        volatile boolean revoked;

        Token(String value, String clientId, Set<String> permissions, Instant expiresAt, boolean v1) {
            this.value = value;
            this.clientId = clientId;
            this.permissions = permissions;
            this.expiresAt = expiresAt;
            this.v1 = v1;
        }
    }

    static final Set<String> ALL_PERMISSIONS = Set.of("users.read", "spaces.read", "workdays.read",
            "reservations.read", "reservations.delete", "checkins.read", "checkins.write", "occupancy.write");
    static final Set<String> READ_PERMISSIONS = Set.of("users.read", "spaces.read", "workdays.read",
            "reservations.read", "checkins.read");

    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Token> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Settings settings;

    /** Starts with the two built-in client applications of {@link Credentials}. */
    public Tokens(Settings settings) {
        this.settings = settings;
        register(Credentials.DEMO_CLIENT_ID, Credentials.DEMO_CLIENT_SECRET, ALL_PERMISSIONS);
        register(Credentials.READONLY_CLIENT_ID, Credentials.READONLY_CLIENT_SECRET, READ_PERMISSIONS);
    }

    public void register(String id, String secret, Set<String> permissions) {
        clients.put(id, new Client(id, secret, Set.copyOf(permissions)));
    }

    Client client(String id) {
        return id == null ? null : clients.get(id);
    }

    Token issue(String clientId, Set<String> permissions, boolean v1) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String value = (v1 ? "v1." : "") + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = settings.clock().instant().plus(settings.tokenLifetime());
        Token t = new Token(value, clientId, permissions, expiresAt, v1);
        tokens.put(value, t);
        return t;
    }

    Token find(String value) {
        return value == null ? null : tokens.get(value);
    }

    boolean expired(Token t) {
        return !settings.clock().instant().isBefore(t.expiresAt);
    }

    public Set<String> issued() {
        return Set.copyOf(tokens.keySet());
    }

    public void revokeAll() {
        tokens.values().forEach(t -> t.revoked = true);
    }
}
