package io.github.camelmapiq.mapiq.client.error;

import io.github.camelmapiq.mapiq.MapiqException;

/**
 * The OAuth2 token endpoint refused to issue a token, or answered something that is not a token. The message names
 * the OAuth {@code error} code, its description and the token URL; it never contains the client secret.
 */
public class MapiqAuthenticationException extends MapiqException {

    private final String tokenUrl;
    private final int status;
    private final String error;
    private final String errorDescription;

    public MapiqAuthenticationException(String message, String tokenUrl, int status, String error,
                                        String errorDescription) {
        super(message);
        this.tokenUrl = tokenUrl;
        this.status = status;
        this.error = error;
        this.errorDescription = errorDescription;
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    /** HTTP status of the token endpoint's answer. */
    public int getStatus() {
        return status;
    }

    /** The OAuth {@code error} code ({@code invalid_client}, {@code invalid_scope}, ...), or null if none was given. */
    public String getError() {
        return error;
    }

    public String getErrorDescription() {
        return errorDescription;
    }
}
