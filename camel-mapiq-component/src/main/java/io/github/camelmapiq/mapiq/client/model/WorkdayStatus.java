package io.github.camelmapiq.mapiq.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Workday status (the three states Mapiq documents). {@link #UNKNOWN} stands for a value this version does not know; see {@link OpenEnum}. */
public enum WorkdayStatus implements OpenEnum {
    OFFICE("Office"),
    REMOTE("Remote"),
    NOT_WORKING("NotWorking"),
    /** A value Mapiq sent that this version does not know; the record keeps the string as sent. */
    UNKNOWN(null);

    private final String value;

    WorkdayStatus(String value) {
        this.value = value;
    }

    @Override
    @JsonValue
    public String value() {
        return value;
    }

    /** Parses Mapiq's string; {@link #UNKNOWN} for a value this version does not know. */
    @JsonCreator
    public static WorkdayStatus fromValue(String raw) {
        return OpenEnum.parse(WorkdayStatus.class, raw);
    }
}
