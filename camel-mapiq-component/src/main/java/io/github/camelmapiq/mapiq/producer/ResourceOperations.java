package io.github.camelmapiq.mapiq.producer;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqOperation;
import io.github.camelmapiq.mapiq.MapiqResource;

/** Which operation an exchange asks for, among those its resource supports ({@link MapiqResource}). */
final class ResourceOperations {

    private ResourceOperations() {
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
            operation = configured != null ? configured : resource.defaultOperation();
        }
        resource.checkOperation(operation);
        return operation;
    }

    private static MapiqOperation parse(String name, MapiqResource resource) {
        for (MapiqOperation op : MapiqOperation.values()) {
            if (op.name().equalsIgnoreCase(name)) {
                return op;
            }
        }
        throw new IllegalArgumentException(
                "Unknown operation '" + name + "' in header " + MapiqConstants.OPERATION + "; mapiq:"
                                           + resource.uriName() + " allows: " + resource.operationNames());
    }
}
