package io.github.camelmapiq.mapiq;

import io.github.camelmapiq.mapiq.client.http.ClientSettings;
import io.github.camelmapiq.mapiq.client.query.Filter;
import io.github.camelmapiq.mapiq.client.query.ListQuery;
import org.apache.camel.CamelContext;

/**
 * What one endpoint does, checked once when it starts: every option is validated here against the resource's entry
 * in the {@link MapiqResource} table, so a bad combination fails the route at startup with a message naming the
 * option and the allowed values, and consumers and producers read these settings instead of checking options again.
 *
 * @param resource     the resource of the endpoint
 * @param query        the list the endpoint's options select (filters, and the date window if configured), without
 *                     header overrides; {@code null} when the resource is not listed
 * @param outputFormat the shape of bodies, one the resource supports
 * @param operation    the configured producer operation, one the resource supports, or {@code null} for the
 *                     resource's default
 * @param client       what the endpoint's Mapiq client is built from
 * @param consumer     what a consumer of the endpoint does with what it lists
 * @param producer     what each producer operation of the endpoint does
 */
public record EndpointSettings(MapiqResource resource, ListQuery query, MapiqOutputFormat outputFormat,
                               MapiqOperation operation, ClientSettings client, ConsumerSettings consumer,
                               ProducerSettings producer) {

    static final int MAX_PAGE_SIZE = 1000;

    /**
     * Checks the options of an endpoint of {@code resource}.
     *
     * @throws IllegalArgumentException naming the first offending option and what it accepts
     */
    public static EndpointSettings of(MapiqResource resource, MapiqConfiguration configuration,
                                      CamelContext context) {
        ClientSettings client = MapiqClientSettings.of(configuration, context);
        if (configuration.getPageSize() < 1 || configuration.getPageSize() > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize must be between 1 and " + MAX_PAGE_SIZE + ", was "
                                               + configuration.getPageSize());
        }
        atLeast("getCacheTtl", configuration.getGetCacheTtl(), 0, "0 (no cache) or more");
        atLeast("ingestChunkSize", configuration.getIngestChunkSize(), 1, "at least 1");
        atLeast("maxMessagesPerPoll", configuration.getMaxMessagesPerPoll(), 0, "0 (all) or more");
        atLeast("checkinOverlap", configuration.getCheckinOverlap(), 0, "0 or more");
        atLeast("checkinThrottleWindow", configuration.getCheckinThrottleWindow(), 0, "0 or more");
        resource.checkOutputFormat(configuration.getOutputFormat());
        if (configuration.getOperation() != null) {
            resource.checkOperation(configuration.getOperation());
        }
        ListQuery query = resource.isReadable() ? query(resource, configuration) : null;
        return new EndpointSettings(resource, query, configuration.getOutputFormat(), configuration.getOperation(),
                client, ConsumerSettings.of(configuration), ProducerSettings.of(resource, configuration));
    }

    private static void atLeast(String option, long value, long min, String allowed) {
        if (value < min) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": must be " + allowed);
        }
    }

    /** The list the options select; a date-bounded resource without {@code startDate} gets no window yet. */
    private static ListQuery query(MapiqResource resource, MapiqConfiguration configuration) {
        return ListQuery.of(resource.listing(), configuration.resolvePath(resource), configuration.getTimeZone(),
                configuration.getPageSize())
                .withFilter(Filter.USER_ID, configuration.getUserId())
                .withFilter(Filter.BUILDING_ID, configuration.getBuildingId())
                .withFilter(Filter.PARKING_LOT_ID, configuration.getParkingLotId())
                .withFilter(Filter.STATUS, configuration.getStatus())
                .withDates(configuration.getStartDate(), configuration.getEndDate());
    }

    /**
     * The query a consumer polls: the endpoint's list over its window.
     *
     * @throws IllegalArgumentException naming option {@code startDate} when a date-bounded resource has none, or when
     *                                  the resource is not listed
     */
    public ListQuery pollQuery() {
        if (query == null) {
            throw new IllegalArgumentException("mapiq:" + resource.uriName() + " cannot be listed");
        }
        return query.requireWindow();
    }
}
