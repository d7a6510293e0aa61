package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.http.RecordBinder;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import io.github.camelmapiq.mapiq.client.query.ListQuery.Filter;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code operation=list} (for {@code enrich} and {@code pollEnrich}): lists the resource with the consumer's query
 * ({@link ListQuery}: date window in {@code timeZone}, 31-day chunks, filters), every page, and answers all records as
 * one body: a List in {@code pojo}/{@code map}, a JSON array String in {@code json}/{@code v1}. Each record is bound
 * from the bytes Mapiq sent straight into its body while the next page is fetched. Headers
 * {@code CamelMapiqStartDate}, {@code CamelMapiqEndDate}, {@code CamelMapiqUserId}, {@code CamelMapiqBuildingId} and
 * {@code CamelMapiqParkingLotId} override the options for one exchange; a filter header the resource cannot filter by
 * is ignored, as it may have been set by an earlier step for another purpose.
 */
final class ResourceLister implements ProducerOperation {

    private final MapiqEndpoint endpoint;
    private final MapiqRecordFormatter formatter;
    private final Clock clock;

    ResourceLister(MapiqEndpoint endpoint, MapiqRecordFormatter formatter, Clock clock) {
        this.endpoint = endpoint;
        this.formatter = formatter;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        ListQuery query = query(message);
        MapiqRecordFormatter.ListBody body = formatter.newListBody();
        try (Listing listing = query.open(endpoint.getClient(), query.isDateBounded() ? query.window(clock) : null,
                endpoint.getListingExecutor())) {
            RecordBinder binder = formatter.binderAhead();
            if (binder != null) {
                listing.bindAhead(binder);
            }
            for (List<ListedRecord> page = listing.nextPage(); page != null; page = listing.nextPage()) {
                for (ListedRecord record : page) {
                    body.add(record);
                }
            }
        }
        message.setBody(body.body());
        message.setHeader(MapiqConstants.RECORD_COUNT, body.size());
        message.setHeader(MapiqConstants.RESOURCE, endpoint.getResource().uriName());
    }

    /** The endpoint's query with this exchange's header overrides. */
    private ListQuery query(Message message) {
        MapiqResource resource = endpoint.getResource();
        MapiqConfiguration configuration = endpoint.getConfiguration().copy();
        if (resource.isDateBounded()) {
            override(message, MapiqConstants.START_DATE, configuration::setStartDate);
            override(message, MapiqConstants.END_DATE, configuration::setEndDate);
        }
        Set<Filter> supported = ListQuery.supportedFilters(resource);
        if (supported.contains(Filter.USER_ID)) {
            override(message, MapiqConstants.USER_ID, configuration::setUserId);
        }
        if (supported.contains(Filter.BUILDING_ID)) {
            override(message, MapiqConstants.BUILDING_ID, configuration::setBuildingId);
        }
        if (supported.contains(Filter.PARKING_LOT_ID)) {
            override(message, MapiqConstants.PARKING_LOT_ID, configuration::setParkingLotId);
        }
        if (resource.isDateBounded() && blank(configuration.getStartDate())) {
            throw new IllegalArgumentException(
                    "operation=list on mapiq:" + resource.uriName() + " needs a start date: set option startDate or "
                                               + "header " + MapiqConstants.START_DATE
                                               + " (an ISO date such as 2026-03-01, or today, today+6d, today-1d)");
        }
        return ListQuery.of(resource, configuration);
    }

    private static void override(Message message, String header, Consumer<String> setter) {
        String value = message.getHeader(header, String.class);
        if (!blank(value)) {
            setter.accept(value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
