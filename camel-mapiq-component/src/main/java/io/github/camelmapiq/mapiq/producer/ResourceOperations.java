package io.github.camelmapiq.mapiq.producer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqOperation;
import io.github.camelmapiq.mapiq.MapiqResource;

/** Which operations each resource supports, which is its default, and which one an exchange asks for. */
final class ResourceOperations {

    private ResourceOperations() {
    }

    /** The operations {@code resource} supports. */
    static Set<MapiqOperation> allowed(MapiqResource resource) {
        return switch (resource) {
            case CHECKIN_EVENTS -> EnumSet.of(MapiqOperation.create, MapiqOperation.list);
            case WORKSPACE_RESERVATIONS -> EnumSet.of(MapiqOperation.delete, MapiqOperation.list);
            case OCCUPANCY -> EnumSet.of(MapiqOperation.ingest);
            case RAW -> EnumSet.of(MapiqOperation.raw);
            case USERS, BUILDINGS, PARKING_LOTS -> EnumSet.of(MapiqOperation.list, MapiqOperation.get);
            default -> EnumSet.of(MapiqOperation.list);
        };
    }

    /** The resource's natural operation, used when neither the option nor the header names one. */
    static MapiqOperation defaultFor(MapiqResource resource) {
        return switch (resource) {
            case CHECKIN_EVENTS -> MapiqOperation.create;
            case WORKSPACE_RESERVATIONS -> MapiqOperation.delete;
            case OCCUPANCY -> MapiqOperation.ingest;
            case RAW -> MapiqOperation.raw;
            default -> MapiqOperation.list;
        };
    }

    /**
     * The operation of one exchange: header {@code CamelMapiqOperation} (a {@link MapiqOperation} or its name), else
     * the {@code operation} option, else the resource's default.
     *
     * @throws IllegalArgumentException naming the operation, the resource and the allowed operations
     */
    static MapiqOperation resolve(MapiqResource resource, Object header, MapiqOperation configured) {
        MapiqOperation operation;
        if (header instanceof MapiqOperation op) {
            operation = op;
        } else if (header != null && !header.toString().isBlank()) {
            operation = parse(header.toString().trim(), resource);
        } else {
            operation = configured != null ? configured : defaultFor(resource);
        }
        check(resource, operation);
        return operation;
    }

    /** Fails when {@code resource} does not support {@code operation}. */
    static void check(MapiqResource resource, MapiqOperation operation) {
        if (!allowed(resource).contains(operation)) {
            throw new IllegalArgumentException(
                    "Operation '" + operation + "' is not supported by mapiq:" + resource.uriName()
                                               + "; allowed operations: " + names(allowed(resource)));
        }
    }

    private static MapiqOperation parse(String name, MapiqResource resource) {
        for (MapiqOperation op : MapiqOperation.values()) {
            if (op.name().equalsIgnoreCase(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown operation '" + name + "' in header " + MapiqConstants.OPERATION + "; mapiq:"
                                           + resource.uriName() + " allows: " + names(allowed(resource)));
    }

    private static String names(Set<MapiqOperation> operations) {
        return Arrays.stream(MapiqOperation.values()).filter(operations::contains).map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
