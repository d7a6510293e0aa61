package io.github.camelmapiq.mapiq.client.query;

import java.util.List;

/** The filter options of a list and the query parameter each becomes. */
public enum Filter {
    USER_ID("userId"),
    BUILDING_ID("buildingId"),
    PARKING_LOT_ID("parkingLotId"),
    STATUS("status");

    /** Accepted values of {@code status} (workdays). */
    public static final List<String> WORKDAY_STATUSES = List.of("Office", "Remote", "NotWorking");

    private final String option;

    Filter(String option) {
        this.option = option;
    }

    /** The endpoint option, which is also the query parameter sent to Mapiq. */
    public String option() {
        return option;
    }
}
