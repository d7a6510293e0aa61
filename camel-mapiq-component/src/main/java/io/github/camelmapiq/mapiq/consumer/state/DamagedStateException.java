package io.github.camelmapiq.mapiq.consumer.state;

/**
 * A consumer's stored state cannot be read: a file cut short or changed by hand, a value that does not decode. The
 * message is one line naming the file, table or key. Option {@code damagedState} decides whether the consumer then
 * fails to start ({@code fail}) or starts over ({@code restart}).
 */
public class DamagedStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DamagedStateException(String message) {
        super(message);
    }

    public DamagedStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
