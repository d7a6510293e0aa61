package io.github.camelmapiq.mapiq.client.error;

import io.github.camelmapiq.mapiq.MapiqException;

/**
 * Mapiq's answer could not be used: malformed JSON, an unexpected shape, or a list response that broke off after
 * some of its records had already been delivered (not retried, since retrying would deliver them twice).
 */
public class MapiqResponseException extends MapiqException {

    public MapiqResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
