package io.github.camelmapiq.simulator.data;

import io.github.camelmapiq.simulator.data.Model.Building;
import io.github.camelmapiq.simulator.data.Model.CheckinEvent;
import io.github.camelmapiq.simulator.data.Model.Floor;
import io.github.camelmapiq.simulator.data.Model.ParkingLot;
import io.github.camelmapiq.simulator.data.Model.ParkingReservation;
import io.github.camelmapiq.simulator.data.Model.ParkingZone;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.Model.User;
import io.github.camelmapiq.simulator.data.Model.Workday;
import io.github.camelmapiq.simulator.data.Model.WorkspaceReservation;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Builds records from JSON-shaped maps (the control API's records and posted check-ins): checks the known fields,
 * keeps unknown ones as extra fields, and fills denormalised fields (names, e-mail, building name, time zone) from the
 * referenced user, building or parking lot when the caller did not give them.
 */
public final class RecordFactory {

    private final DataStore store;
    private final Clock clock;

    public RecordFactory(DataStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Known fields per resource; anything else a caller supplies is kept as an extra field. */
    private static final Map<Resource, Set<String>> KNOWN = Map.of(
            Resource.USERS, Set.of("id", "email", "firstName", "lastName", "externalId", "licensePlate", "department"),
            Resource.BUILDINGS, Set.of("id", "name", "timeZone", "address", "floors"),
            Resource.PARKING_LOTS, Set.of("id", "name", "capacity", "zones", "buildingIds"),
            Resource.WORKDAYS, Set.of("id", "userId", "email", "externalId", "date", "startTime", "endTime", "status",
                    "buildingId"),
            Resource.WORKSPACE_RESERVATIONS, Set.of("id", "userId", "userExternalId", "firstName", "lastName", "email",
                    "startTime", "endTime", "nodeId", "deskId", "areaId", "floorId", "floorNumber", "buildingId",
                    "buildingName"),
            Resource.PARKING_RESERVATIONS, Set.of("id", "userId", "email", "startTime", "endTime", "parkingLotId",
                    "parkingLotName", "zoneId", "zoneName", "licensePlate"),
            Resource.CHECKIN_EVENTS, Set.of("id", "userId", "buildingId", "eventType", "source", "timestamp"));

    /** Fields copied from a referenced record: dropped on update when the reference changes, so they are refilled. */
    private static final Map<String, List<String>> DERIVED = Map.of(
            "userId", List.of("email", "externalId", "userExternalId", "firstName", "lastName", "licensePlate"),
            "buildingId", List.of("buildingName"),
            "parkingLotId", List.of("parkingLotName", "zoneName"),
            "zoneId", List.of("zoneName"));

    /** Builds a new record; generates a GUID when the map has no id. */
    public Rec create(Resource r, Map<String, Object> map) {
        if (r == Resource.CHECKIN_STATUSES) {
            throw new UnsupportedOperationException("checkin-statuses are derived from checkin-events and read-only");
        }
        Map<String, Object> m = new LinkedHashMap<>(map);
        if (m.get("id") == null) {
            m.put("id", UUID.randomUUID().toString());
        }
        return fromMap(r, m);
    }

    /**
     * Merges changes into the fields of an existing record ({@code current}, its JSON-shaped map, id included); the
     * id cannot change.
     */
    public Rec merge(Resource r, Map<String, Object> current, Map<String, Object> changes) {
        if (r == Resource.CHECKIN_STATUSES) {
            throw new UnsupportedOperationException("checkin-statuses are derived from checkin-events and read-only");
        }
        Object id = current.get("id");
        Object newId = changes.get("id");
        if (newId != null && !newId.toString().equals(id)) {
            throw new BadRecordException("id", "the id of a record cannot change");
        }
        Map<String, Object> m = new LinkedHashMap<>(current);
        for (Map.Entry<String, List<String>> d : DERIVED.entrySet()) {
            Object before = m.get(d.getKey());
            if (changes.containsKey(d.getKey()) && !Objects.equals(before, changes.get(d.getKey()))) {
                d.getValue().forEach(m::remove);
            }
        }
        m.putAll(changes);
        m.put("id", id);
        return fromMap(r, m);
    }

    private static Map<String, Object> extra(Resource r, Map<String, Object> m) {
        Map<String, Object> extra = null;
        Set<String> known = KNOWN.get(r);
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!known.contains(e.getKey())) {
                if (extra == null) {
                    extra = new LinkedHashMap<>();
                }
                extra.put(e.getKey(), e.getValue());
            }
        }
        return extra;
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    private static String required(Map<String, Object> m, String k) {
        String v = str(m, k);
        if (v == null || v.isBlank()) {
            throw new BadRecordException(k, "is required");
        }
        return v;
    }

    private static String oneOf(Map<String, Object> m, String k, Set<String> allowed, boolean required) {
        String v = required ? required(m, k) : str(m, k);
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v)) {
                return a;
            }
        }
        throw new BadRecordException(k, "'" + v + "' is not one of " + new TreeSet<>(allowed));
    }

    private static Integer integer(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) {
            return null;
        }
        if (v instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new BadRecordException(k, "'" + v + "' is not an integer");
        }
    }

    private static Instant time(Map<String, Object> m, String k, boolean required) {
        String v = required ? required(m, k) : str(m, k);
        if (v == null) {
            return null;
        }
        Instant i = Times.parseInstant(v);
        if (i == null) {
            throw new BadRecordException(k, "'" + v + "' is not an ISO-8601 date-time with offset");
        }
        return i;
    }

    /** Fills a derived field from its source when the caller did not give it. */
    private static String fill(Map<String, Object> m, String k, String fallback) {
        return m.containsKey(k) ? str(m, k) : fallback;
    }

    private ZoneId zoneOfBuilding(String buildingId) {
        Building b = buildingId == null ? null : store.building(buildingId);
        return b == null ? ZoneOffset.UTC : b.zone();
    }

    private ZoneId zoneOfLot(ParkingLot lot) {
        if (lot != null) {
            for (String b : lot.buildingIds()) {
                Building building = store.building(b);
                if (building != null) {
                    return building.zone();
                }
            }
        }
        return ZoneOffset.UTC;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String k) {
        Object v = m.get(k);
        if (v == null) {
            return List.of();
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        throw new BadRecordException(k, "must be an array");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String k) {
        if (v instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new BadRecordException(k, "must contain objects");
    }

    private Rec fromMap(Resource r, Map<String, Object> m) {
        String id = required(m, "id");
        Map<String, Object> extra = extra(r, m);
        switch (r) {
            case USERS:
                return new User(id, str(m, "email"), str(m, "firstName"), str(m, "lastName"), str(m, "externalId"),
                        str(m, "licensePlate"), str(m, "department"), extra);
            case BUILDINGS: {
                String tz = str(m, "timeZone") == null ? "UTC" : str(m, "timeZone");
                ZoneId zone;
                try {
                    zone = ZoneId.of(tz);
                } catch (DateTimeException e) {
                    throw new BadRecordException("timeZone", "'" + tz + "' is not an IANA time zone id");
                }
                List<Floor> floors = new ArrayList<>();
                for (Object o : list(m, "floors")) {
                    Map<String, Object> f = object(o, "floors");
                    Integer number = integer(f, "number");
                    floors.add(new Floor(f.get("id") == null ? UUID.randomUUID().toString() : str(f, "id"),
                            str(f, "name"), number == null ? floors.size() : number));
                }
                return new Building(id, str(m, "name"), tz, zone, str(m, "address"), List.copyOf(floors), extra);
            }
            case PARKING_LOTS: {
                List<ParkingZone> zones = new ArrayList<>();
                int sum = 0;
                for (Object o : list(m, "zones")) {
                    Map<String, Object> z = object(o, "zones");
                    Integer cap = integer(z, "capacity");
                    int c = cap == null ? 0 : cap;
                    sum += c;
                    zones.add(new ParkingZone(z.get("id") == null ? UUID.randomUUID().toString() : str(z, "id"),
                            str(z, "name"), c, str(z, "type")));
                }
                List<String> buildingIds = new ArrayList<>();
                for (Object o : list(m, "buildingIds")) {
                    buildingIds.add(String.valueOf(o));
                }
                Integer cap = integer(m, "capacity");
                int capacity = zones.isEmpty() ? (cap == null ? 0 : cap) : sum;
                return new ParkingLot(id, str(m, "name"), capacity, List.copyOf(zones), List.copyOf(buildingIds),
                        extra);
            }
            case WORKDAYS: {
                String userId = required(m, "userId");
                User u = store.user(userId);
                String status = oneOf(m, "status", Vocabulary.WORKDAY_STATUSES, true);
                String buildingId = str(m, "buildingId");
                ZoneId zone = zoneOfBuilding(buildingId);
                Instant start = time(m, "startTime", false);
                Instant end = time(m, "endTime", false);
                LocalDate date;
                String d = str(m, "date");
                if (d != null) {
                    try {
                        date = LocalDate.parse(d);
                    } catch (DateTimeParseException e) {
                        throw new BadRecordException("date", "'" + d + "' is not a date (yyyy-MM-dd)");
                    }
                } else if (start != null) {
                    date = LocalDate.ofInstant(start, zone);
                } else {
                    throw new BadRecordException("date", "is required");
                }
                if (start == null) {
                    start = date.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant();
                }
                if (end == null) {
                    end = date.atTime(LocalTime.of(17, 30)).atZone(zone).toInstant();
                }
                return new Workday(id, userId, fill(m, "email", u == null ? null : u.email()),
                        fill(m, "externalId", u == null ? null : u.externalId()), (int) date.toEpochDay(),
                        start.getEpochSecond(), end.getEpochSecond(), zone, status, buildingId, extra);
            }
            case WORKSPACE_RESERVATIONS: {
                String userId = required(m, "userId");
                User u = store.user(userId);
                String buildingId = str(m, "buildingId");
                Building b = buildingId == null ? null : store.building(buildingId);
                Instant start = time(m, "startTime", true);
                Instant end = time(m, "endTime", true);
                return new WorkspaceReservation(id, userId, fill(m, "userExternalId", u == null ? null : u.externalId()),
                        fill(m, "firstName", u == null ? null : u.firstName()),
                        fill(m, "lastName", u == null ? null : u.lastName()),
                        fill(m, "email", u == null ? null : u.email()), start.getEpochSecond(), end.getEpochSecond(),
                        b == null ? ZoneOffset.UTC : b.zone(), str(m, "nodeId"), str(m, "deskId"), str(m, "areaId"),
                        str(m, "floorId"), integer(m, "floorNumber"), buildingId,
                        fill(m, "buildingName", b == null ? null : b.name()), extra);
            }
            case PARKING_RESERVATIONS: {
                String userId = required(m, "userId");
                User u = store.user(userId);
                String lotId = str(m, "parkingLotId");
                ParkingLot lot = lotId == null ? null : store.parkingLot(lotId);
                String zoneId = str(m, "zoneId");
                String zoneName = null;
                if (lot != null && zoneId != null) {
                    for (ParkingZone z : lot.zones()) {
                        if (z.id().equals(zoneId)) {
                            zoneName = z.name();
                        }
                    }
                }
                Instant start = time(m, "startTime", true);
                Instant end = time(m, "endTime", true);
                return new ParkingReservation(id, userId, fill(m, "email", u == null ? null : u.email()),
                        start.getEpochSecond(), end.getEpochSecond(), zoneOfLot(lot), lotId,
                        fill(m, "parkingLotName", lot == null ? null : lot.name()), zoneId,
                        fill(m, "zoneName", zoneName), fill(m, "licensePlate", u == null ? null : u.licensePlate()),
                        extra);
            }
            case CHECKIN_EVENTS: {
                String userId = required(m, "userId");
                String buildingId = str(m, "buildingId");
                Instant ts = time(m, "timestamp", false);
                if (ts == null) {
                    ts = clock.instant();
                }
                return new CheckinEvent(id, userId, buildingId, oneOf(m, "eventType", Vocabulary.EVENT_TYPES, true),
                        oneOf(m, "source", Vocabulary.SOURCES, true), ts.toEpochMilli(), zoneOfBuilding(buildingId), extra);
            }
            default:
                throw new UnsupportedOperationException(r.name + " is read-only");
        }
    }
}
