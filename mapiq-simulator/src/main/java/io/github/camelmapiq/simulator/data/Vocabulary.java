package io.github.camelmapiq.simulator.data;

import java.util.Set;

/** The closed sets of values the API accepts, matched case-insensitively and stored in their canonical spelling. */
public final class Vocabulary {

    public static final Set<String> WORKDAY_STATUSES = Set.of("Office", "Remote", "NotWorking");
    public static final Set<String> EVENT_TYPES = Set.of("AtTheOffice", "NotAtTheOffice");
    public static final Set<String> SOURCES = Set.of("Wifi", "AccessGate", "Sensor");

    private Vocabulary() {
    }

    /** The canonical spelling of {@code v} in {@code allowed}, or {@code null} when it is not one of them. */
    public static String canonical(Set<String> allowed, String v) {
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.trim())) {
                return a;
            }
        }
        return null;
    }
}
