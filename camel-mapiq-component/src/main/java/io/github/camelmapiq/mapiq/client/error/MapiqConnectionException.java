package io.github.camelmapiq.mapiq.client.error;

import io.github.camelmapiq.mapiq.MapiqException;

/**
 * Mapiq could not be reached, or the connection failed, on every attempt the retry options allow: connection refused,
 * reset, timed out, an answer that broke off. The message names the call and the attempts; the cause is the last
 * attempt's {@link java.io.IOException}, so {@code onException(IOException.class)} still matches it too.
 */
public class MapiqConnectionException extends MapiqException {

    public MapiqConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
