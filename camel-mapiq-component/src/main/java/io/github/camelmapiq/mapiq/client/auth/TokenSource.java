package io.github.camelmapiq.mapiq.client.auth;

/** Asks an authorization server for a new token; {@link TokenManager} decides when. */
@FunctionalInterface
public interface TokenSource {

    AccessToken requestToken() throws Exception;
}
