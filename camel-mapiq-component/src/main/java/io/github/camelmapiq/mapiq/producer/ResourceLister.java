package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.http.Listing;
import io.github.camelmapiq.mapiq.client.query.Filter;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code operation=list} (for {@code enrich}; {@code pollEnrich} runs the consumer instead): lists the resource with
 * the consumer's query ({@link ListQuery}: date window in {@code timeZone}, 31-day chunks, filters), every page, and
 * answers all records as one body: a List in {@code pojo}/{@code map}, a JSON array String in {@code json}/{@code v1}.
 * Each record is bound from the bytes Mapiq sent straight into its body while the next page is fetched. Headers
 * {@code CamelMapiqStartDate}, {@code CamelMapiqEndDate}, {@code CamelMapiqUserId}, {@code CamelMapiqBuildingId} and
 * {@code CamelMapiqParkingLotId} override the options for one exchange; a filter header the resource cannot filter by
 * is ignored, as it may have been set by an earlier step for another purpose.
 */
final class ResourceLister implements ProducerOperation {

    /** The headers that override a filter option for one exchange; {@code status} has none. */
    private static final Map<Filter, String> FILTER_HEADERS = Map.of(Filter.USER_ID, MapiqConstants.USER_ID,
            Filter.BUILDING_ID, MapiqConstants.BUILDING_ID, Filter.PARKING_LOT_ID, MapiqConstants.PARKING_LOT_ID);

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
                endpoint.getListingExecutor()).bindWith(formatter.binder())) {
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

    /** The endpoint's query (checked at startup) with this exchange's header overrides. */
    private ListQuery query(Message message) {
        MapiqResource resource = endpoint.getResource();
        ListQuery query = endpoint.getSettings().query();
        for (Filter filter : resource.filters()) {
            String header = FILTER_HEADERS.get(filter);
            if (header != null) {
                query = query.withFilter(filter, message.getHeader(header, String.class));
            }
        }
        if (!resource.isDateBounded()) {
            return query;
        }
        query = query.withStartDate(message.getHeader(MapiqConstants.START_DATE, String.class));
        if (!query.isDateBounded()) {
            throw new IllegalArgumentException(
                    "operation=list on mapiq:" + resource.uriName() + " needs a start date: set option startDate or "
                                               + "header " + MapiqConstants.START_DATE
                                               + " (an ISO date such as 2026-03-01, or today, today+6d, today-1d)");
        }
        return query.withEndDate(message.getHeader(MapiqConstants.END_DATE, String.class));
    }
}
