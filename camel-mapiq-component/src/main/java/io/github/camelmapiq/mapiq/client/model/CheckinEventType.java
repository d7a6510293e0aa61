package io.github.camelmapiq.mapiq.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of check-in event, also the presence of a check-in status. {@link #UNKNOWN} stands for a value this version does not know; see {@link OpenEnum}. */
public enum CheckinEventType implements OpenEnum {
    AT_THE_OFFICE("AtTheOffice"),
    NOT_AT_THE_OFFICE("NotAtTheOffice"),
    /** A value Mapiq sent that this version does not know; the record keeps the string as sent. */
    UNKNOWN(null);

    private final String value;

    CheckinEventType(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /** Parses Mapiq's string; {@link #UNKNOWN} for a value this version does not know. */
    @JsonCreator
    public static CheckinEventType fromValue(String raw) {
        return OpenEnum.parse(CheckinEventType.class, raw);
    }
}
