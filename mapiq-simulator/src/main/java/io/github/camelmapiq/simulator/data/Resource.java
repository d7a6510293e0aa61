package io.github.camelmapiq.simulator.data;

import java.util.Locale;

/** The simulator's resources, by the names the control API uses. */
public enum Resource {
    USERS("users", false),
    BUILDINGS("buildings", false),
    PARKING_LOTS("parking-lots", false),
    WORKDAYS("workdays", true),
    WORKSPACE_RESERVATIONS("workspace-reservations", true),
    PARKING_RESERVATIONS("parking-reservations", true),
    CHECKIN_EVENTS("checkin-events", true),
    CHECKIN_STATUSES("checkin-statuses", false);

    public final String name;
    public final boolean dated;

    Resource(String name, boolean dated) {
        this.name = name;
        this.dated = dated;
    }

    public static Resource of(String name) {
        String n = name == null ? "" : name.toLowerCase(Locale.ROOT);
        for (Resource r : values()) {
            if (r.name.equals(n)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown resource '" + name
                + "'; known: users, buildings, parking-lots, workdays, workspace-reservations, parking-reservations,"
                + " checkin-events, checkin-statuses");
    }
}
