package io.github.camelmapiq.mapiq.consumer;

import java.util.ArrayList;
import java.util.List;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.consumer.change.Change;
import io.github.camelmapiq.mapiq.consumer.state.PackedJson;
import com.fasterxml.jackson.databind.ObjectReader;
import org.apache.camel.Exchange;

/**
 * Makes the exchanges of a poll: one per record ({@code splitResult=true}), its body bound from the record's bytes
 * when the exchange is made; or one per poll whose body is the list ({@code splitResult=false}; with
 * {@code changesOnly}, one per change type so that each carries its {@code CamelMapiqChangeType}), each record
 * formatted as it is added. A record that cannot be formatted fails only its own exchange.
 */
final class RecordExchanges {

    private final MapiqEndpoint endpoint;
    private final MapiqResource resource;
    private final MapiqRecordFormatter formatter;

    RecordExchanges(MapiqEndpoint endpoint, MapiqRecordFormatter formatter) {
        this.endpoint = endpoint;
        this.resource = endpoint.getResource();
        this.formatter = formatter;
    }

    /** What binds records into bodies as their pages are read, or {@code null} (see {@link MapiqRecordFormatter#binder}). */
    ObjectReader binder() {
        return formatter.binder();
    }

    /** The exchange of one change; one that cannot be formatted carries the exception. */
    Exchange create(Change change) {
        Exchange exchange = endpoint.createExchange();
        try {
            setCommonHeaders(exchange, change.type());
            exchange.getMessage().setHeader(MapiqConstants.RECORD_ID, change.id());
            exchange.getMessage().setBody(body(change));
        } catch (RuntimeException e) {
            exchange.setException(e);
        } finally {
            change.release();
        }
        return exchange;
    }

    /** The body of a change: the listed record, or for a deletion its last body if kept, else null. */
    private Object body(Change change) {
        ListedRecord record = change.record();
        if (record == null) {
            byte[] packed = change.entry() == null ? null : change.entry().packedBody();
            return packed == null ? null : formatter.format(new ListedRecord(PackedJson.unpackBytes(packed)));
        }
        return formatter.format(record);
    }

    /** The list of one change type ({@code splitResult=false}), its bodies made as changes are added. */
    final class ListBatch {
        final MapiqChangeType type;
        final List<Change> changes = new ArrayList<>();
        private final MapiqRecordFormatter.ListBody body = formatter.newListBody();
        private RuntimeException failure;

        ListBatch(MapiqChangeType type) {
            this.type = type;
        }

        void add(Change change) {
            changes.add(change);
            try {
                ListedRecord record = change.record();
                if (record == null) {
                    byte[] packed = change.entry() == null ? null : change.entry().packedBody();
                    if (packed != null) {
                        body.add(new ListedRecord(PackedJson.unpackBytes(packed)));
                    } else {
                        body.addNull();
                    }
                } else {
                    body.add(record);
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            } finally {
                change.release();
            }
        }

        Exchange create() {
            Exchange exchange = endpoint.createExchange();
            setCommonHeaders(exchange, type);
            if (failure != null) {
                exchange.setException(failure);
            } else {
                exchange.getMessage().setBody(body.body());
            }
            return exchange;
        }
    }

    ListBatch newBatch(MapiqChangeType type) {
        return new ListBatch(type);
    }

    private void setCommonHeaders(Exchange exchange, MapiqChangeType type) {
        exchange.getMessage().setHeader(MapiqConstants.RESOURCE, resource.uriName());
        if (type != null) {
            exchange.getMessage().setHeader(MapiqConstants.CHANGE_TYPE, type);
        }
    }
}
