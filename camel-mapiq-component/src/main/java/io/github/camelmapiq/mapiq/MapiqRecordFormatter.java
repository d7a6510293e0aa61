package io.github.camelmapiq.mapiq;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.v1.V1Renderer;
import io.github.camelmapiq.mapiq.v1.V1TimeZones;

/**
 * Turns parsed records into message bodies of an {@link MapiqOutputFormat}: {@code pojo} (the resource's model type;
 * a {@code Map} for resources without one, such as {@code raw}), {@code map} ({@code LinkedHashMap}, field names and
 * order as sent), {@code json} (String) or {@code v1} (String rendered by {@link V1Renderer}).
 */
public final class MapiqRecordFormatter {

    private static final TypeReference<LinkedHashMap<String, Object>> MAP_TYPE = new TypeReference<>() {
    };

    private final MapiqResource resource;
    private final MapiqOutputFormat format;
    private final ObjectMapper mapper;
    private final V1TimeZones zones;
    private final ObjectReader bodyReader;
    private final ObjectReader treeReader;

    public MapiqRecordFormatter(MapiqResource resource, MapiqOutputFormat format, ObjectMapper mapper) {
        this(resource, format, mapper, V1TimeZones.NONE);
    }

    /**
     * @param zones where {@code v1} rendering learns building time zones, so a reservation's v1 {@code date} is its
     *              local date in its building rather than in the offset its {@code startTime} happens to carry
     */
    public MapiqRecordFormatter(MapiqResource resource, MapiqOutputFormat format, ObjectMapper mapper,
                                V1TimeZones zones) {
        this.resource = resource;
        this.format = format == null ? MapiqOutputFormat.pojo : format;
        this.mapper = mapper;
        this.zones = zones;
        this.treeReader = mapper.readerFor(ObjectNode.class);
        this.bodyReader = switch (this.format) {
            case pojo -> resource.modelType() == null ? mapper.readerFor(MAP_TYPE) : mapper.readerFor(resource.modelType());
            case map -> mapper.readerFor(MAP_TYPE);
            default -> treeReader;
        };
    }

    public MapiqOutputFormat format() {
        return format;
    }

    /**
     * The reader that binds a record into its body, for a listing to bind each record as its page is read
     * ({@link io.github.camelmapiq.mapiq.client.http.Listing#bindWith}); {@code null} for {@code json} (the text as
     * sent) and {@code v1} (rendered from a tree).
     */
    public ObjectReader binder() {
        return format == MapiqOutputFormat.pojo || format == MapiqOutputFormat.map ? bodyReader : null;
    }

    /** The body of one record. */
    public Object format(ObjectNode record) {
        return switch (format) {
            case pojo -> resource.modelType() == null ? toMap(record) : toPojo(record);
            case map -> toMap(record);
            case json -> toJson(record);
            case v1 -> V1Renderer.render(resource, record, zones);
        };
    }

    /**
     * The body of one listed record, bound straight from the bytes Mapiq sent: the model type or a Map by data
     * binding, the JSON text as sent for {@code json}; only {@code v1} goes through a tree, which its renderer reads.
     */
    public Object format(ListedRecord record) {
        try {
            return switch (format) {
                case json -> record.text();
                case v1 -> V1Renderer.render(resource, record.read(treeReader), zones);
                default -> record.read(bodyReader);
            };
        } catch (JsonProcessingException e) {
            if (format == MapiqOutputFormat.pojo && resource.modelType() != null) {
                throw unreadable(e.getOriginalMessage(), e);
            }
            throw new IllegalArgumentException("A Mapiq " + resource.uriName() + " record cannot be read: "
                                               + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Collects the bodies of a whole list ({@code splitResult=false}, {@code operation=list}) record by record. */
    public ListBody newListBody() {
        return new ListBody();
    }

    /**
     * A list body in the making: a {@code List} of formatted records, or for the text formats ({@code json},
     * {@code v1}) one JSON array String. Each record is formatted as it is added, so that only the bodies are held.
     */
    public final class ListBody {
        private final StringBuilder array;
        private final List<Object> bodies;
        private int size;

        private ListBody() {
            boolean text = format == MapiqOutputFormat.json || format == MapiqOutputFormat.v1;
            array = text ? new StringBuilder(4096).append('[') : null;
            bodies = text ? null : new ArrayList<>();
        }

        public void add(ListedRecord record) {
            Object body = format(record);
            if (array != null) {
                if (size > 0) {
                    array.append(',');
                }
                array.append((String) body);
            } else {
                bodies.add(body);
            }
            size++;
        }

        /** A record without a body (a deletion whose last body is not kept): {@code null} in the list. */
        public void addNull() {
            if (array != null) {
                if (size > 0) {
                    array.append(',');
                }
                array.append("null");
            } else {
                bodies.add(null);
            }
            size++;
        }

        public int size() {
            return size;
        }

        /** The body: the List, or the JSON array text; called once, when every record was added. */
        public Object body() {
            return array != null ? array.append(']').toString() : bodies;
        }
    }

    private Object toPojo(ObjectNode record) {
        try {
            return mapper.treeToValue(record, resource.modelType());
        } catch (JsonProcessingException e) {
            throw unreadable(e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage(), e);
        }
    }

    private IllegalArgumentException unreadable(String reason, Exception cause) {
        return new IllegalArgumentException(
                "A Mapiq " + resource.uriName() + " record cannot be read as " + resource.modelType().getSimpleName()
                                            + " (outputFormat=map or json delivers it as sent): " + reason,
                cause);
    }

    private Map<String, Object> toMap(ObjectNode record) {
        return mapper.convertValue(record, MAP_TYPE);
    }

    private String toJson(ObjectNode record) {
        try {
            return mapper.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON tree could not be written back as text", e);
        }
    }
}
