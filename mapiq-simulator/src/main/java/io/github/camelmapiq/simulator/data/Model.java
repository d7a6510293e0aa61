package io.github.camelmapiq.simulator.data;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * The stored records. They are compact immutable Java records rather than maps so that a million
 * reservations fit in a few hundred megabytes: denormalised strings (names, e-mails, building
 * names) are shared references to the user's or building's own strings, times are epoch numbers
 * and only rendered when a response is written.
 */
public final class Model {

    private Model() {
    }

    /** Every stored record has an id and keeps the unknown fields it was given (usually null). */
    public interface Rec {
        String id();

        Map<String, Object> extra();
    }

    /** A record that belongs to a local date (its bucket in the date index) and sorts by time. */
    public interface Dated extends Rec {
        /** Sort key inside one day: start time (seconds) or event time (millis). */
        long sortTime();

        /** Epoch day of the record's local date in its building's time zone. */
        long day();
    }

    public static long localDay(long epochSecond, ZoneId zone) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(epochSecond), zone).toEpochDay();
    }

    public record User(String id, String email, String firstName, String lastName, String externalId,
            String licensePlate, String department, Map<String, Object> extra) implements Rec {
    }

    public record Floor(String id, String name, int number) {
    }

    public record Building(String id, String name, String timeZone, ZoneId zone, String address, List<Floor> floors,
            Map<String, Object> extra) implements Rec {
    }

    public record ParkingZone(String id, String name, int capacity, String type) {
    }

    public record ParkingLot(String id, String name, int capacity, List<ParkingZone> zones, List<String> buildingIds,
            Map<String, Object> extra) implements Rec {
    }

    public record Workday(String id, String userId, String email, String externalId, int date, long start, long end,
            ZoneId zone, String status, String buildingId, Map<String, Object> extra) implements Dated {
        @Override
        public long sortTime() {
            return start;
        }

        @Override
        public long day() {
            return date;
        }
    }

    public record WorkspaceReservation(String id, String userId, String userExternalId, String firstName, String lastName,
            String email, long start, long end, ZoneId zone, String nodeId, String deskId, String areaId,
            String floorId, Integer floorNumber, String buildingId, String buildingName, Map<String, Object> extra)
            implements Dated {
        @Override
        public long sortTime() {
            return start;
        }

        @Override
        public long day() {
            return localDay(start, zone);
        }
    }

    public record ParkingReservation(String id, String userId, String email, long start, long end, ZoneId zone,
            String parkingLotId, String parkingLotName, String zoneId, String zoneName, String licensePlate,
            Map<String, Object> extra) implements Dated {
        @Override
        public long sortTime() {
            return start;
        }

        @Override
        public long day() {
            return localDay(start, zone);
        }
    }

    public record CheckinEvent(String id, String userId, String buildingId, String eventType, String source,
            long timestampMillis, ZoneId zone, Map<String, Object> extra) implements Dated {
        @Override
        public long sortTime() {
            return timestampMillis;
        }

        @Override
        public long day() {
            return localDay(Math.floorDiv(timestampMillis, 1000L), zone);
        }
    }

    /** Derived: the latest check-in event of one user. Its id is the user id. */
    public record CheckinStatus(String userId, String buildingId, String status, long sinceMillis, String source)
            implements Rec {
        public static CheckinStatus of(CheckinEvent e) {
            return new CheckinStatus(e.userId(), e.buildingId(), e.eventType(), e.timestampMillis(), e.source());
        }

        @Override
        public String id() {
            return userId;
        }

        @Override
        public Map<String, Object> extra() {
            return null;
        }
    }
}
