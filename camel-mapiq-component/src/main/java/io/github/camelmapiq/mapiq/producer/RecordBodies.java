package io.github.camelmapiq.mapiq.producer;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqOutputFormat;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.model.MapiqJson;
import io.github.camelmapiq.mapiq.v1.V1Renderer;
import io.github.camelmapiq.mapiq.v1.V1TimeZones;

/**
 * Message bodies of the producer's answers in the endpoint's {@code outputFormat}. Delegates to the component's
 * formatter, except for {@code v1}: there it renders reservations with the building time zones the producer looks up
 * ({@link TimeZoneDirectory}), so a reservation's v1 {@code date} is its local date in its building.
 */
final class RecordBodies {

    private final MapiqResource resource;
    private final MapiqRecordFormatter formatter;
    private final V1TimeZones zones;

    /** @throws IllegalArgumentException for {@code outputFormat=v1} on a resource v1 did not have */
    RecordBodies(MapiqEndpoint endpoint) {
        this.resource = endpoint.getResource();
        MapiqOutputFormat format = endpoint.getConfiguration().getOutputFormat();
        if (format == MapiqOutputFormat.v1) {
            V1Renderer.requireSupported(resource);
        }
        this.formatter = new MapiqRecordFormatter(resource, format, MapiqJson.mapper());
        this.zones = format == MapiqOutputFormat.v1 ? new TimeZoneDirectory(endpoint) : null;
    }

    /** The body of one record. */
    Object one(ObjectNode record) {
        return zones == null ? formatter.format(record) : V1Renderer.render(resource, record, zones);
    }

    /** The body of a list: a List of records, or one JSON array String for {@code json} and {@code v1}. */
    Object all(List<ObjectNode> records) {
        if (zones == null) {
            return formatter.formatAll(records);
        }
        StringBuilder array = new StringBuilder(records.size() * 256).append('[');
        for (int i = 0; i < records.size(); i++) {
            array.append(i == 0 ? "" : ",").append(one(records.get(i)));
        }
        return array.append(']').toString();
    }
}
