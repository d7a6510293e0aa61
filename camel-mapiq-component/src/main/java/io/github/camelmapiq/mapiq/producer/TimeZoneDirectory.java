package io.github.camelmapiq.mapiq.producer;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.http.RecordSink;
import io.github.camelmapiq.mapiq.v1.V1TimeZones;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The building time zones {@code outputFormat=v1} needs for reservation dates, fetched from Mapiq (one list of
 * buildings, and of parking lots for parking reservations) the first time a reservation is rendered and kept for
 * {@link #REFRESH}. If Mapiq refuses (say the client application lacks the spaces permission) the zones stay unknown
 * for that period and dates come from each {@code startTime}'s offset; a warning says so once.
 */
final class TimeZoneDirectory implements V1TimeZones {

    /** How long fetched zones are trusted; buildings rarely move. */
    static final Duration REFRESH = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(TimeZoneDirectory.class);

    private final MapiqEndpoint endpoint;
    private final Clock clock;
    private Map<String, ZoneId> buildings;
    private Instant buildingsLoaded;
    private Map<String, List<String>> lotBuildings;
    private Instant lotsLoaded;

    TimeZoneDirectory(MapiqEndpoint endpoint) {
        this(endpoint, Clock.systemUTC());
    }

    TimeZoneDirectory(MapiqEndpoint endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public synchronized ZoneId ofBuilding(String buildingId) {
        if (buildingId == null) {
            return null;
        }
        if (stale(buildingsLoaded)) {
            Map<String, ZoneId> zones = new HashMap<>();
            buildingsLoaded = clock.instant();
            buildings = zones;
            load(MapiqResource.BUILDINGS, record -> {
                ZoneId zone = zone(record.get("timeZone"));
                if (zone != null) {
                    zones.put(record.path("id").asText(), zone);
                }
            });
        }
        return buildings.get(buildingId);
    }

    @Override
    public synchronized ZoneId ofParkingLot(String parkingLotId) {
        if (parkingLotId == null) {
            return null;
        }
        if (stale(lotsLoaded)) {
            Map<String, List<String>> lots = new HashMap<>();
            lotsLoaded = clock.instant();
            lotBuildings = lots;
            load(MapiqResource.PARKING_LOTS, record -> {
                List<String> ids = new ArrayList<>();
                record.path("buildingIds").forEach(id -> ids.add(id.asText()));
                lots.put(record.path("id").asText(), ids);
            });
        }
        for (String buildingId : lotBuildings.getOrDefault(parkingLotId, List.of())) {
            ZoneId zone = ofBuilding(buildingId);
            if (zone != null) {
                return zone;
            }
        }
        return null;
    }

    private boolean stale(Instant loaded) {
        return loaded == null || !clock.instant().isBefore(loaded.plus(REFRESH));
    }

    private void load(MapiqResource resource, RecordSink sink) {
        try {
            endpoint.getClient().list(resource.defaultPath(), Map.of(), endpoint.getConfiguration().getPageSize(), sink);
        } catch (Exception e) {
            LOG.warn("outputFormat=v1: cannot list {} to learn building time zones ({}); reservation dates use the "
                     + "offset of their startTime for the next {}", resource.uriName(), e.getMessage(), REFRESH);
        }
    }

    private static ZoneId zone(JsonNode timeZone) {
        if (timeZone == null || !timeZone.isTextual()) {
            return null;
        }
        try {
            return ZoneId.of(timeZone.asText());
        } catch (DateTimeException e) {
            return null;
        }
    }
}
