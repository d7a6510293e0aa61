package io.github.camelmapiq.mapiq.consumer.state;

import io.github.camelmapiq.mapiq.MapiqException;

/**
 * A consumer's stored state cannot be read: a file cut short or changed by hand, a value that does not decode. The
 * message is one line naming the file, table or key. Option {@code damagedState} decides whether the consumer then
 * fails to start ({@code fail}) or starts over ({@code restart}). A {@link MapiqException}, so that one
 * {@code onException(MapiqException.class)} sees it with every other failure of the component.
 */
public class DamagedStateException extends MapiqException {

    private static final long serialVersionUID = 1L;

    public DamagedStateException(String message) {
        super(message);
    }

    public DamagedStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
