package io.github.camelmapiq.mapiq.v1;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqResource;

/**
 * Renders a v2 record in the retired v1 API's JSON shape ({@code outputFormat=v1}).
 * <p>
 * Placeholder owned by the producer/v1 work, which implements it.
 */
public final class V1Renderer {

    private V1Renderer() {
    }

    /** The v1 JSON text of one v2 record of {@code resource}. */
    public static String render(MapiqResource resource, ObjectNode record) {
        throw new UnsupportedOperationException("v1 rendering is not implemented yet");
    }
}
