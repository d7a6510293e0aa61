package io.github.camelmapiq.mapiq;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
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
import io.github.camelmapiq.mapiq.client.query.Filter;
import io.github.camelmapiq.mapiq.client.query.ListSpec.DatePlacement;
import io.github.camelmapiq.mapiq.client.query.ListSpec;

import static io.github.camelmapiq.mapiq.MapiqOperation.create;
import static io.github.camelmapiq.mapiq.MapiqOperation.delete;
import static io.github.camelmapiq.mapiq.MapiqOperation.get;
import static io.github.camelmapiq.mapiq.MapiqOperation.ingest;
import static io.github.camelmapiq.mapiq.MapiqOperation.list;
import static io.github.camelmapiq.mapiq.MapiqOperation.raw;
import static io.github.camelmapiq.mapiq.client.query.Filter.BUILDING_ID;
import static io.github.camelmapiq.mapiq.client.query.Filter.PARKING_LOT_ID;
import static io.github.camelmapiq.mapiq.client.query.Filter.STATUS;
import static io.github.camelmapiq.mapiq.client.query.Filter.USER_ID;

/**
 * The Mapiq API resources addressable as {@code mapiq:<resource>}, and the one table of what each supports: its list
 * ({@link ListSpec}: default v2 path, id field, date window and day field, filters), its producer operations and
 * their default, its model type, and whether v1 rendering knows it. The path is overridable per endpoint with the
 * {@code path} option, since much of Mapiq's v2 reference is unpublished.
 */
public enum MapiqResource {

    WORKDAYS(ListSpec.dated("workdays", "/v2/workdays", "date", DatePlacement.LOCAL_DATE,
            Set.of(USER_ID, BUILDING_ID, STATUS)), Workday.class, false, list, list),
    WORKSPACE_RESERVATIONS(ListSpec.dated("workspace-reservations", "/v2/reservations/workspaces", "startTime",
            DatePlacement.OFFSET_DATE_TIME, Set.of(USER_ID, BUILDING_ID)), WorkspaceReservation.class, true, delete,
                           delete, list),
    PARKING_RESERVATIONS(ListSpec.dated("parking-reservations", "/v2/reservations/parking-spots", "startTime",
            DatePlacement.OFFSET_DATE_TIME, Set.of(USER_ID, BUILDING_ID, PARKING_LOT_ID)), ParkingReservation.class,
                         true, list, list),
    CHECKIN_EVENTS(ListSpec.dated("checkin-events", "/v2/user-locations/checkin-events", "timestamp",
            DatePlacement.NONE, Set.of(USER_ID, BUILDING_ID)), CheckinEvent.class, true, create, create, list),
    CHECKIN_STATUSES(ListSpec.undated("checkin-statuses", "/v2/user-locations/checkin-statuses", "userId",
            Set.of(USER_ID, BUILDING_ID)), CheckinStatus.class, true, list, list),
    USERS(ListSpec.undated("users", "/v2/users", "id", Set.of()), User.class, true, list, list, get),
    BUILDINGS(ListSpec.undated("buildings", "/v2/spaces/buildings", "id", Set.of()), Building.class, true, list, list,
              get),
    PARKING_LOTS(ListSpec.undated("parking-lots", "/v2/spaces/parking-lots", "id", Set.of(BUILDING_ID)),
                 ParkingLot.class, true, list, list, get),
    OCCUPANCY("occupancy", "/v2/occupancy", ingest),
    RAW("raw", "", raw);

    /** The names accepted on the URI path, for {@code @UriPath(enums = ...)} and error messages. */
    public static final String URI_NAMES = "workdays,workspace-reservations,parking-reservations,checkin-events,"
                                           + "checkin-statuses,users,buildings,parking-lots,occupancy,raw";

    private final String uriName;
    private final String defaultPath;
    private final ListSpec listing;
    private final Class<? extends MapiqRecord> modelType;
    private final Set<MapiqOutputFormat> outputFormats;
    private final MapiqOperation defaultOperation;
    private final Set<MapiqOperation> operations;

    /** A resource that is listed (and so polled by consumers). */
    MapiqResource(ListSpec listing, Class<? extends MapiqRecord> modelType, boolean v1Renders,
                  MapiqOperation defaultOperation, MapiqOperation... operations) {
        this.uriName = listing.name();
        this.defaultPath = listing.defaultPath();
        this.listing = listing;
        this.modelType = modelType;
        this.outputFormats = v1Renders ? EnumSet.allOf(MapiqOutputFormat.class)
                : EnumSet.complementOf(EnumSet.of(MapiqOutputFormat.v1));
        this.defaultOperation = defaultOperation;
        this.operations = EnumSet.copyOf(Arrays.asList(operations));
    }

    /** A resource that is only written or called, never listed; v1 had none of them. */
    MapiqResource(String uriName, String defaultPath, MapiqOperation operation) {
        this.uriName = uriName;
        this.defaultPath = defaultPath;
        this.listing = null;
        this.modelType = null;
        this.outputFormats = EnumSet.complementOf(EnumSet.of(MapiqOutputFormat.v1));
        this.defaultOperation = operation;
        this.operations = EnumSet.of(operation);
    }

    public String uriName() {
        return uriName;
    }

    public String defaultPath() {
        return defaultPath;
    }

    /** What the API lists of this resource; {@code null} when it is not listed ({@code occupancy}, {@code raw}). */
    public ListSpec listing() {
        return listing;
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
        return listing != null && listing.dateBounded();
    }

    /** {@code operation=get} by id is supported. */
    public boolean isGettableById() {
        return operations.contains(get);
    }

    /** Resources that can be listed (and so polled by a consumer). */
    public boolean isReadable() {
        return listing != null;
    }

    /** The filters a list of this resource accepts (none when it is not listed). */
    public Set<Filter> filters() {
        return listing == null ? Set.of() : listing.filters();
    }

    /** The producer operations this resource supports. */
    public Set<MapiqOperation> operations() {
        return EnumSet.copyOf(operations);
    }

    /** The resource's natural operation, used when neither the option nor the header names one. */
    public MapiqOperation defaultOperation() {
        return defaultOperation;
    }

    /** The output formats this resource's bodies can take; {@code v1} only for resources the v1 API had. */
    public Set<MapiqOutputFormat> outputFormats() {
        return EnumSet.copyOf(outputFormats);
    }

    /**
     * Fails unless this resource supports {@code operation}.
     *
     * @throws IllegalArgumentException naming the operation, the resource and the allowed operations
     */
    public void checkOperation(MapiqOperation operation) {
        if (!operations.contains(operation)) {
            throw new IllegalArgumentException(
                    "Operation '" + operation + "' is not supported by mapiq:" + uriName + "; allowed operations: "
                                               + operationNames());
        }
    }

    /** The supported operations, comma-separated in declaration order. */
    public String operationNames() {
        return names(operations);
    }

    /**
     * Fails unless this resource's bodies can take {@code format}: v1 rendering knows only the resources v1 had.
     *
     * @throws IllegalArgumentException naming option {@code outputFormat}, the resource and the allowed values
     */
    public void checkOutputFormat(MapiqOutputFormat format) {
        if (format != null && !outputFormats.contains(format)) {
            List<String> v1Resources = Arrays.stream(values()).filter(r -> r.outputFormats.contains(MapiqOutputFormat.v1))
                    .map(MapiqResource::uriName).toList();
            throw new IllegalArgumentException(
                    "outputFormat=" + format + " is not available for mapiq:" + uriName + ": v1 had no such resource. "
                                               + "It renders " + listed(v1Resources, " and ") + "; use "
                                               + listed(outputFormats.stream().map(Enum::name).toList(), " or ") + ".");
        }
    }

    /** {@code a, b and c} (with {@code lastSeparator} " and "). */
    private static String listed(List<String> items, String lastSeparator) {
        int last = items.size() - 1;
        return last < 1 ? String.join("", items)
                : String.join(", ", items.subList(0, last)) + lastSeparator + items.get(last);
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).collect(Collectors.joining(", "));
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
