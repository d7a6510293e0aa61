package io.github.camelmapiq.mapiq.client.auth;

/** Asks an authorization server for a new token; {@link TokenManager} decides when. */
@FunctionalInterface
public interface TokenSource {

    /**
     * @param scope the deadline of the call that waits for the token, and the stop that cancels the request
     */
    AccessToken requestToken(TokenRequestScope scope) throws Exception;
}
