package io.github.camelmapiq.mapiq.consumer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import org.apache.camel.Exchange;

/**
 * Turns the changes of a poll into exchanges: one per record ({@code splitResult=true}), or one per poll whose body is
 * the list ({@code splitResult=false}; with {@code changesOnly}, one per change type so that each carries its
 * {@code CamelMapiqChangeType}). A record that cannot be formatted fails only its own exchange.
 */
final class RecordExchanges {

    /** An exchange and the changes it carries. */
    record Batch(Exchange exchange, List<Change> changes) {
    }

    private final MapiqEndpoint endpoint;
    private final MapiqResource resource;
    private final MapiqRecordFormatter formatter;

    RecordExchanges(MapiqEndpoint endpoint, MapiqRecordFormatter formatter) {
        this.endpoint = endpoint;
        this.resource = endpoint.getResource();
        this.formatter = formatter;
    }

    List<Batch> create(List<Change> changes, boolean split) {
        List<Batch> batches = new ArrayList<>();
        if (split) {
            for (Change change : changes) {
                Exchange exchange = endpoint.createExchange();
                exchange.getMessage().setHeader(MapiqConstants.RECORD_ID, change.id());
                setCommonHeaders(exchange, change.type());
                try {
                    exchange.getMessage().setBody(formatter.format(change.record()));
                } catch (RuntimeException e) {
                    exchange.setException(e);
                }
                batches.add(new Batch(exchange, List.of(change)));
            }
            return batches;
        }
        Map<MapiqChangeType, List<Change>> byType = new LinkedHashMap<>();
        for (Change change : changes) {
            byType.computeIfAbsent(change.type(), t -> new ArrayList<>()).add(change);
        }
        for (Map.Entry<MapiqChangeType, List<Change>> group : byType.entrySet()) {
            Exchange exchange = endpoint.createExchange();
            setCommonHeaders(exchange, group.getKey());
            List<ObjectNode> records = new ArrayList<>(group.getValue().size());
            group.getValue().forEach(c -> records.add(c.record()));
            try {
                exchange.getMessage().setBody(formatter.formatAll(records));
            } catch (RuntimeException e) {
                exchange.setException(e);
            }
            batches.add(new Batch(exchange, group.getValue()));
        }
        return batches;
    }

    private void setCommonHeaders(Exchange exchange, MapiqChangeType type) {
        exchange.getMessage().setHeader(MapiqConstants.RESOURCE, resource.uriName());
        if (type != null) {
            exchange.getMessage().setHeader(MapiqConstants.CHANGE_TYPE, type);
        }
    }
}
