package io.github.camelmapiq.mapiq.client.auth;

import java.util.Objects;

import io.github.camelmapiq.mapiq.client.error.Texts;

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

    /**
     * What must never leave the component in any text: the secret, and the {@code id:secret} pair that HTTP Basic
     * credentials carry (in Base64).
     */
    public String[] secrets() {
        return secretsOf(clientId, clientSecret);
    }

    /** {@link #secrets()} of options that may still be missing ({@code null}s are left out). */
    public static String[] secretsOf(String clientId, String clientSecret) {
        if (clientSecret == null) {
            return new String[0];
        }
        return clientId == null ? new String[] {clientSecret} : new String[] {clientSecret, clientId + ":" + clientSecret};
    }

    @Override
    public String toString() {
        return "ClientCredentials{tokenUrl=" + Texts.url(tokenUrl) + ", clientId=xxxxxx, clientSecret=xxxxxx, scope=" + scope + "}";
    }
}
