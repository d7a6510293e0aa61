package io.github.camelmapiq.mapiq.consumer;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqOutputFormat;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import org.apache.camel.Exchange;

/**
 * Turns the changes of a poll into exchanges: one per record ({@code splitResult=true}), or one per poll whose body is
 * the list ({@code splitResult=false}; with {@code changesOnly}, one per change type so that each carries its
 * {@code CamelMapiqChangeType}). The changes are first {@linkplain #batches grouped}, and each exchange is only
 * {@linkplain #create created} when it is about to be sent, so that a poll holds every record once, compactly,
 * and never all bodies or exchanges at once. A record that cannot be formatted fails only its own exchange.
 */
final class RecordExchanges {

    private final MapiqEndpoint endpoint;
    private final MapiqResource resource;
    private final MapiqRecordFormatter formatter;
    private final ObjectMapper mapper;

    /** @param mapper the mapper that wrote the records' bytes (the client's, as is the formatter's) */
    RecordExchanges(MapiqEndpoint endpoint, MapiqRecordFormatter formatter, ObjectMapper mapper) {
        this.endpoint = endpoint;
        this.resource = endpoint.getResource();
        this.formatter = formatter;
        this.mapper = mapper;
    }

    /**
     * The exchanges of a poll, to be made, in order: each item is a {@link Change} (one exchange per record) or a
     * {@code List<Change>} (one exchange for the list). Empties {@code changes}, so that each record is referenced
     * only by the queue and is released once its exchange is done.
     */
    ArrayDeque<Object> batches(List<Change> changes, boolean split) {
        ArrayDeque<Object> batches;
        if (split) {
            batches = new ArrayDeque<>(changes);
        } else {
            Map<MapiqChangeType, List<Change>> byType = new LinkedHashMap<>();
            for (Change change : changes) {
                byType.computeIfAbsent(change.type(), t -> new ArrayList<>()).add(change);
            }
            batches = new ArrayDeque<>(byType.values());
        }
        changes.clear();
        return batches;
    }

    /** The changes an item of {@link #batches} carries. */
    @SuppressWarnings("unchecked")
    static List<Change> changesOf(Object batch) {
        return batch instanceof Change change ? List.of(change) : (List<Change>) batch;
    }

    /** The exchange of an item of {@link #batches}; one that cannot be formatted carries the exception. */
    Exchange create(Object batch) {
        Exchange exchange = endpoint.createExchange();
        try {
            if (batch instanceof Change change) {
                setCommonHeaders(exchange, change.type());
                if (formatter.format() == MapiqOutputFormat.json) {
                    String json = change.text();
                    exchange.getMessage().setHeader(MapiqConstants.RECORD_ID,
                            change.id() != null ? change.id() : topLevelText(json, RecordKeys.idField(resource)));
                    exchange.getMessage().setBody(json);
                } else {
                    ObjectNode record = change.tree(mapper);
                    exchange.getMessage().setHeader(MapiqConstants.RECORD_ID,
                            change.id() != null ? change.id() : RecordKeys.idOrNull(resource, record));
                    exchange.getMessage().setBody(formatter.format(record));
                }
            } else {
                List<Change> changes = changesOf(batch);
                setCommonHeaders(exchange, changes.get(0).type());
                exchange.getMessage().setBody(formatAll(changes));
            }
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        return exchange;
    }

    /** As {@link MapiqRecordFormatter#formatAll}, one record at a time, so that no list of parsed trees is held. */
    private Object formatAll(List<Change> changes) {
        MapiqOutputFormat format = formatter.format();
        if (format == MapiqOutputFormat.json || format == MapiqOutputFormat.v1) {
            StringBuilder array = new StringBuilder(changes.size() * 256).append('[');
            for (int i = 0; i < changes.size(); i++) {
                if (i > 0) {
                    array.append(',');
                }
                array.append((String) body(changes.get(i)));
            }
            return array.append(']').toString();
        }
        List<Object> bodies = new ArrayList<>(changes.size());
        for (Change change : changes) {
            bodies.add(body(change));
        }
        return bodies;
    }

    /**
     * The body of one record. Its JSON was written by the mapper the formatter writes {@code json} with, so for
     * {@code json} it is the body as it is, without a parse and a write.
     */
    private Object body(Change change) {
        return formatter.format() == MapiqOutputFormat.json ? change.text() : formatter.format(change.tree(mapper));
    }

    /** A top-level text field of a JSON object, read without building a tree; {@code null} when absent or null. */
    private String topLevelText(String json, String field) {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals(name)) {
                    return value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                }
                parser.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException("A record kept for this poll could not be read back: " + e.getMessage(), e);
        }
    }

    private void setCommonHeaders(Exchange exchange, MapiqChangeType type) {
        exchange.getMessage().setHeader(MapiqConstants.RESOURCE, resource.uriName());
        if (type != null) {
            exchange.getMessage().setHeader(MapiqConstants.CHANGE_TYPE, type);
        }
    }
}
