package io.github.camelmapiq.simulator.data;

/** A record given to the control API (or a posted body) is invalid; names the offending field. */
public final class BadRecordException extends IllegalArgumentException {
    public final String field;

    public BadRecordException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String bare() {
        return getMessage().substring(field.length() + 2);
    }
}
