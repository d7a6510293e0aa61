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

    /**
     * The same failure with {@code secrets} masked in its message, for an answer that quoted them (a parser's message
     * shows a piece of the answer). The cause is dropped when the message changed, since its message quotes them too.
     */
    public MapiqResponseException masking(String... secrets) {
        String masked = Texts.mask(getMessage(), secrets);
        if (masked.equals(getMessage())) {
            return this;
        }
        MapiqResponseException copy = new MapiqResponseException(masked, null);
        copy.setStackTrace(getStackTrace());
        return copy;
    }
}
