package io.github.camelmapiq.mapiq.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What detected a check-in. {@link #UNKNOWN} stands for a value this version does not know; see {@link OpenEnum}. */
public enum CheckinSource implements OpenEnum {
    WIFI("Wifi"),
    ACCESS_GATE("AccessGate"),
    SENSOR("Sensor"),
    /** A value Mapiq sent that this version does not know; the record keeps the string as sent. */
    UNKNOWN(null);

    private final String value;

    CheckinSource(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /** Parses Mapiq's string; {@link #UNKNOWN} for a value this version does not know. */
    @JsonCreator
    public static CheckinSource fromValue(String raw) {
        return OpenEnum.parse(CheckinSource.class, raw);
    }
}
