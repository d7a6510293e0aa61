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
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import io.github.camelmapiq.mapiq.client.http.RecordSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The building time zones {@code outputFormat=v1} needs for reservation dates, fetched from Mapiq (one list of
 * buildings, and of parking lots for parking reservations) the first time a reservation is rendered and kept for
 * {@link #REFRESH}. If Mapiq refuses (say the client application lacks the spaces permission) the zones stay unknown
 * for that period and dates come from each {@code startTime}'s offset; a warning says so once. Lookups read an
 * immutable snapshot without locking; only a reload waits, for the one listing in progress.
 */
final class TimeZoneDirectory {

    /** How long fetched zones are trusted; buildings rarely move. */
    static final Duration REFRESH = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(TimeZoneDirectory.class);

    /** One listing's result, replaced whole: readers never see a half-filled map. */
    private record Loaded<T>(Map<String, T> byId, Instant at) {
    }

    /** Lists one resource at its path, handing each record to the sink. */
    @FunctionalInterface
    interface Lister {
        void list(String path, RecordSink sink) throws Exception;
    }

    private final Lister lister;
    private final Clock clock;
    /** Held while listing (a network call): a lock, not a monitor, so a waiting virtual thread releases its carrier. */
    private final ReentrantLock buildingsLoading = new ReentrantLock();
    private final ReentrantLock lotsLoading = new ReentrantLock();
    private volatile Loaded<ZoneId> buildings;
    private volatile Loaded<List<String>> lotBuildings;

    /** With the lister of buildings and parking lots, and the clock that decides when zones are stale. */
    TimeZoneDirectory(Lister lister, Clock clock) {
        this.lister = lister;
        this.clock = clock;
    }

    /** The zone of a building, or {@code null}. */
    ZoneId ofBuilding(String buildingId) {
        if (buildingId == null) {
            return null;
        }
        Loaded<ZoneId> zones = buildings;
        if (stale(zones)) {
            zones = reload(buildingsLoading, () -> buildings, loaded -> buildings = loaded, MapiqResource.BUILDINGS,
                    (record, byId) -> {
                        ZoneId zone = zone(record.get("timeZone"));
                        if (zone != null) {
                            byId.put(record.path("id").asText(), zone);
                        }
                    });
        }
        return zones.byId().get(buildingId);
    }

    /** The zone of a parking lot (that of its first connected building that has one), or {@code null}. */
    ZoneId ofParkingLot(String parkingLotId) {
        if (parkingLotId == null) {
            return null;
        }
        Loaded<List<String>> lots = lotBuildings;
        if (stale(lots)) {
            lots = reload(lotsLoading, () -> lotBuildings, loaded -> lotBuildings = loaded, MapiqResource.PARKING_LOTS,
                    (record, byId) -> {
                        List<String> ids = new ArrayList<>();
                        record.path("buildingIds").forEach(id -> ids.add(id.asText()));
                        byId.put(record.path("id").asText(), ids);
                    });
        }
        for (String buildingId : lots.byId().getOrDefault(parkingLotId, List.of())) {
            ZoneId zone = ofBuilding(buildingId);
            if (zone != null) {
                return zone;
            }
        }
        return null;
    }

    private boolean stale(Loaded<?> loaded) {
        return loaded == null || !clock.instant().isBefore(loaded.at().plus(REFRESH));
    }

    /** Adds one listed record to the map being built. */
    private interface Collector<T> {
        void add(JsonNode record, Map<String, T> byId);
    }

    /**
     * Lists {@code resource} once however many threads find the zones stale (the others wait, then use its result).
     * A refusal is remembered as "no zones" for {@link #REFRESH}; an interruption or a stopping Camel is not
     * remembered, and the interrupt is kept for the caller to see.
     */
    private <T> Loaded<T> reload(ReentrantLock loading, Supplier<Loaded<T>> current, Consumer<Loaded<T>> store,
                                 MapiqResource resource, Collector<T> collector) {
        loading.lock();
        try {
            Loaded<T> loaded = current.get();
            if (!stale(loaded)) {
                return loaded; // another thread listed meanwhile
            }
            Map<String, T> byId = new HashMap<>();
            Instant at = clock.instant();
            try {
                lister.list(resource.defaultPath(), record -> collector.add(record, byId));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.debug("outputFormat=v1: interrupted while listing {}; zones are listed again next time",
                        resource.uriName());
                return new Loaded<>(Map.of(), at);
            } catch (MapiqCallAbortedException e) {
                return new Loaded<>(Map.of(), at); // Camel is stopping: not a reason to forget zones for an hour
            } catch (Exception e) {
                LOG.warn("outputFormat=v1: cannot list {} to learn building time zones ({}); reservation dates use the "
                         + "offset of their startTime for the next {}", resource.uriName(), e.getMessage(), REFRESH);
                byId.clear();
            }
            loaded = new Loaded<>(Map.copyOf(byId), at);
            store.accept(loaded);
            return loaded;
        } finally {
            loading.unlock();
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
