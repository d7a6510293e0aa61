package io.github.camelmapiq.simulator;

/** A record given to the control API (or a posted body) is invalid; names the offending field. */
final class BadRecordException extends IllegalArgumentException {
    final String field;

    BadRecordException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    String bare() {
        return getMessage().substring(field.length() + 2);
    }
}
