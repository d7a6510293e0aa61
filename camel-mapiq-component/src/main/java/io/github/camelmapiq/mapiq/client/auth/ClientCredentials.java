package io.github.camelmapiq.mapiq.client.auth;

import java.util.Objects;

/**
 * One OAuth2 client-credentials set: what a token is asked with, and the key under which a component shares one
 * {@link TokenManager}. {@link #toString()} never shows the client id or the secret.
 *
 * @param scope may be {@code null}: no scope is sent
 */
public record ClientCredentials(String tokenUrl, String clientId, String clientSecret, String scope) {

    public ClientCredentials {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "ClientCredentials{tokenUrl=" + tokenUrl + ", clientId=xxxxxx, clientSecret=xxxxxx, scope=" + scope + "}";
    }
}
