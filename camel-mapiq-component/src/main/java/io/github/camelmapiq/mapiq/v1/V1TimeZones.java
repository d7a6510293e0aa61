package io.github.camelmapiq.mapiq.v1;

import java.time.ZoneId;
import java.util.function.Function;

/**
 * Where the renderer learns a reservation's time zone: v1 gave a reservation a {@code date}, the local date in its
 * building's zone, while v2 gives instants. Answers {@code null} for what it does not know; the renderer then uses the
 * offset the {@code startTime} carries.
 */
public interface V1TimeZones {

    /** Knows no zone: dates come from each {@code startTime}'s own offset. */
    V1TimeZones NONE = new V1TimeZones() {
        @Override
        public ZoneId ofBuilding(String buildingId) {
            return null;
        }

        @Override
        public ZoneId ofParkingLot(String parkingLotId) {
            return null;
        }
    };

    /** Zones answered by two lookups (each answering {@code null} for what it does not know). */
    static V1TimeZones of(Function<String, ZoneId> buildings, Function<String, ZoneId> parkingLots) {
        return new V1TimeZones() {
            @Override
            public ZoneId ofBuilding(String buildingId) {
                return buildings.apply(buildingId);
            }

            @Override
            public ZoneId ofParkingLot(String parkingLotId) {
                return parkingLots.apply(parkingLotId);
            }
        };
    }

    /** The zone of a building, or {@code null}. */
    ZoneId ofBuilding(String buildingId);

    /** The zone of a parking lot (that of its first connected building), or {@code null}. */
    ZoneId ofParkingLot(String parkingLotId);
}
