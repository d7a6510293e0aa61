package io.github.camelmapiq.mapiq;

import java.util.Arrays;
import java.util.stream.Collectors;

import io.github.camelmapiq.mapiq.client.model.Building;
import io.github.camelmapiq.mapiq.client.model.CheckinEvent;
import io.github.camelmapiq.mapiq.client.model.CheckinStatus;
import io.github.camelmapiq.mapiq.client.model.MapiqRecord;
import io.github.camelmapiq.mapiq.client.model.ParkingLot;
import io.github.camelmapiq.mapiq.client.model.ParkingReservation;
import io.github.camelmapiq.mapiq.client.model.User;
import io.github.camelmapiq.mapiq.client.model.Workday;
import io.github.camelmapiq.mapiq.client.model.WorkspaceReservation;

/**
 * The Mapiq API resources addressable as {@code mapiq:<resource>}. Each knows its default v2 path (overridable per
 * endpoint with the {@code path} option, since much of Mapiq's v2 reference is unpublished) and which query
 * parameters it understands.
 */
public enum MapiqResource {

    WORKDAYS("workdays", "/v2/workdays", true, false, Workday.class),
    WORKSPACE_RESERVATIONS("workspace-reservations", "/v2/reservations/workspaces", true, false,
                           WorkspaceReservation.class),
    PARKING_RESERVATIONS("parking-reservations", "/v2/reservations/parking-spots", true, false,
                         ParkingReservation.class),
    CHECKIN_EVENTS("checkin-events", "/v2/user-locations/checkin-events", true, false, CheckinEvent.class),
    CHECKIN_STATUSES("checkin-statuses", "/v2/user-locations/checkin-statuses", false, false, CheckinStatus.class),
    USERS("users", "/v2/users", false, true, User.class),
    BUILDINGS("buildings", "/v2/spaces/buildings", false, true, Building.class),
    PARKING_LOTS("parking-lots", "/v2/spaces/parking-lots", false, true, ParkingLot.class),
    OCCUPANCY("occupancy", "/v2/occupancy", false, false, null),
    RAW("raw", "", false, false, null);

    /** The names accepted on the URI path, for {@code @UriPath(enums = ...)} and error messages. */
    public static final String URI_NAMES = "workdays,workspace-reservations,parking-reservations,checkin-events,"
                                           + "checkin-statuses,users,buildings,parking-lots,occupancy,raw";

    private final String uriName;
    private final String defaultPath;
    private final boolean dateBounded;
    private final boolean gettableById;
    private final Class<? extends MapiqRecord> modelType;

    MapiqResource(String uriName, String defaultPath, boolean dateBounded, boolean gettableById,
                  Class<? extends MapiqRecord> modelType) {
        this.uriName = uriName;
        this.defaultPath = defaultPath;
        this.dateBounded = dateBounded;
        this.gettableById = gettableById;
        this.modelType = modelType;
    }

    public String uriName() {
        return uriName;
    }

    public String defaultPath() {
        return defaultPath;
    }

    /**
     * The model type of one record of this resource ({@code outputFormat=pojo}); {@code null} for {@code raw}, whose
     * answers have no fixed shape, and {@code occupancy}, which is only written.
     */
    public Class<? extends MapiqRecord> modelType() {
        return modelType;
    }

    /** Lists of this resource require {@code startDate} (and accept {@code endDate}). */
    public boolean isDateBounded() {
        return dateBounded;
    }

    /** {@code operation=get} by id is supported. */
    public boolean isGettableById() {
        return gettableById;
    }

    /** Resources that can be listed (and so polled by a consumer). */
    public boolean isReadable() {
        return this != OCCUPANCY && this != RAW;
    }

    /**
     * Parses a URI path name ({@code workspace-reservations}); also accepts the enum constant name. The error names
     * every allowed value.
     */
    public static MapiqResource fromUri(String name) {
        if (name != null) {
            String trimmed = name.trim();
            for (MapiqResource r : values()) {
                if (r.uriName.equalsIgnoreCase(trimmed) || r.name().equalsIgnoreCase(trimmed)) {
                    return r;
                }
            }
        }
        throw new IllegalArgumentException(
                "Unknown Mapiq resource '" + name + "' in mapiq:<resource>. Allowed values: "
                                           + Arrays.stream(values()).map(MapiqResource::uriName)
                                                   .collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return uriName;
    }
}
