package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqOperation;
import io.github.camelmapiq.mapiq.MapiqOutputFormat;
import io.github.camelmapiq.mapiq.MapiqRecordFormatter;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.v1.V1TimeZones;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/**
 * Dispatches each exchange to the operation it asks for: header {@code CamelMapiqOperation}, else the
 * {@code operation} option, else the resource's natural operation ({@link ResourceOperations}). The options were
 * checked when the endpoint started ({@link io.github.camelmapiq.mapiq.EndpointSettings}); the operations the
 * resource supports are built when the producer starts, so a bad option (a chunk size below 1) fails the route at
 * startup.
 */
public class MapiqProducer extends DefaultProducer {

    private final Map<MapiqOperation, ProducerOperation> operations = new EnumMap<>(MapiqOperation.class);

    public MapiqProducer(MapiqEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public MapiqEndpoint getEndpoint() {
        return (MapiqEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        MapiqEndpoint endpoint = getEndpoint();
        MapiqResource resource = endpoint.getResource();
        endpoint.getSettings();
        MapiqRecordFormatter formatter = bodyFormatter(endpoint);
        Clock clock = Clock.systemDefaultZone();
        for (MapiqOperation operation : resource.operations()) {
            operations.put(operation, switch (operation) {
                case create -> new CheckinEventCreator(endpoint, formatter);
                case delete -> new ReservationDeleter(endpoint);
                case ingest -> new OccupancyIngester(endpoint);
                case list -> new ResourceLister(endpoint, formatter, clock);
                case get -> new RecordGetter(endpoint, formatter, clock);
                case raw -> new RawCaller(endpoint);
            });
        }
    }

    /**
     * The formatter of answer bodies. For {@code outputFormat=v1} it learns building time zones from Mapiq
     * ({@link TimeZoneDirectory}), so a reservation's v1 {@code date} is its local date in its building.
     */
    private static MapiqRecordFormatter bodyFormatter(MapiqEndpoint endpoint) {
        MapiqResource resource = endpoint.getResource();
        MapiqOutputFormat format = endpoint.getSettings().outputFormat();
        if (format != MapiqOutputFormat.v1) {
            return new MapiqRecordFormatter(resource, format, MapiqJson.mapper());
        }
        TimeZoneDirectory zones = zoneDirectory(endpoint);
        return new MapiqRecordFormatter(resource, format, MapiqJson.mapper(),
                V1TimeZones.of(zones::ofBuilding, zones::ofParkingLot));
    }

    /** Building and parking-lot zones listed with the endpoint's client. */
    static TimeZoneDirectory zoneDirectory(MapiqEndpoint endpoint) {
        int pageSize = endpoint.getSettings().producer().pageSize();
        return new TimeZoneDirectory((path, sink) -> endpoint.getClient().list(path, Map.of(), pageSize, sink),
                Clock.systemUTC());
    }

    @Override
    protected void doStop() throws Exception {
        operations.clear();
        super.doStop();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        MapiqEndpoint endpoint = getEndpoint();
        MapiqOperation operation = ResourceOperations.resolve(endpoint.getResource(),
                exchange.getMessage().getHeader(MapiqConstants.OPERATION), endpoint.getSettings().operation());
        operations.get(operation).process(exchange);
    }
}
