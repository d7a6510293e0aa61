package io.github.camelmapiq.mapiq.client.model;

/**
 * An enum of values Mapiq sends as strings. Each has an {@code UNKNOWN} constant for values this version does not
 * know: records holding such a value still parse, keep the value exactly as sent (see the {@code ...Value()} getters
 * of the records) and write it back unchanged.
 */
public interface OpenEnum {

    /** The string Mapiq uses for this value; {@code null} for {@code UNKNOWN}. */
    String value();

    /** The constant of {@code type} whose {@link #value()} matches {@code raw} ignoring case, {@code UNKNOWN} if none. */
    static <E extends Enum<E> & OpenEnum> E parse(Class<E> type, String raw) {
        if (raw == null) {
            return null;
        }
        E unknown = null;
        for (E e : type.getEnumConstants()) {
            if (e.value() == null) {
                unknown = e;
            } else if (e.value().equalsIgnoreCase(raw)) {
                return e;
            }
        }
        return unknown;
    }

    /**
     * The string to store for {@code value}: refuses {@code UNKNOWN}, which has no string of its own (set the raw
     * string instead).
     */
    static String toValue(OpenEnum value, String field) {
        if (value == null) {
            return null;
        }
        if (value.value() == null) {
            throw new IllegalArgumentException(
                    field + " cannot be set to UNKNOWN; set the raw value with the " + field + "Value setter");
        }
        return value.value();
    }
}
