package io.github.camelmapiq.mapiq.auth;

import java.util.Objects;

/**
 * One OAuth2 client-credentials set: what a token is asked with, and the key under which a component shares one
 * {@link TokenManager}. {@link #toString()} never shows the client id or the secret.
 */
public final class ClientCredentials {

    private final String tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;

    public ClientCredentials(String tokenUrl, String clientId, String clientSecret, String scope) {
        this.tokenUrl = Objects.requireNonNull(tokenUrl, "tokenUrl");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.scope = scope;
    }

    public String tokenUrl() {
        return tokenUrl;
    }

    public String clientId() {
        return clientId;
    }

    public String clientSecret() {
        return clientSecret;
    }

    public String scope() {
        return scope;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientCredentials other && tokenUrl.equals(other.tokenUrl) && clientId.equals(other.clientId)
               && clientSecret.equals(other.clientSecret) && Objects.equals(scope, other.scope);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokenUrl, clientId, clientSecret, scope);
    }

    @Override
    public String toString() {
        return "ClientCredentials{tokenUrl=" + tokenUrl + ", clientId=xxxxxx, clientSecret=xxxxxx, scope=" + scope + "}";
    }
}
