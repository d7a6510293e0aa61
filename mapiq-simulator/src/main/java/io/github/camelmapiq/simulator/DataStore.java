package io.github.camelmapiq.simulator;

import io.github.camelmapiq.simulator.Model.Building;
import io.github.camelmapiq.simulator.Model.CheckinEvent;
import io.github.camelmapiq.simulator.Model.CheckinStatus;
import io.github.camelmapiq.simulator.Model.Floor;
import io.github.camelmapiq.simulator.Model.ParkingLot;
import io.github.camelmapiq.simulator.Model.ParkingReservation;
import io.github.camelmapiq.simulator.Model.ParkingZone;
import io.github.camelmapiq.simulator.Model.Rec;
import io.github.camelmapiq.simulator.Model.User;
import io.github.camelmapiq.simulator.Model.Workday;
import io.github.camelmapiq.simulator.Model.WorkspaceReservation;

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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * All simulated data: one table per resource plus the derived check-in statuses, and the
 * conversion between the control API's JSON-shaped maps and the compact records.
 */
final class DataStore {

    static final Set<String> WORKDAY_STATUSES = Set.of("Office", "Remote", "NotWorking");
    static final Set<String> EVENT_TYPES = Set.of("AtTheOffice", "NotAtTheOffice");
    static final Set<String> SOURCES = Set.of("Wifi", "AccessGate", "Sensor");

    final Tables.ById<User> users = new Tables.ById<>();
    final Tables.ById<Building> buildings = new Tables.ById<>();
    final Tables.ById<ParkingLot> parkingLots = new Tables.ById<>();
    final Tables.ByDate<Workday> workdays = new Tables.ByDate<>();
    final Tables.ByDate<WorkspaceReservation> workspaceReservations = new Tables.ByDate<>();
    final Tables.ByDate<ParkingReservation> parkingReservations = new Tables.ByDate<>();
    final Tables.ByDate<CheckinEvent> checkinEvents = new Tables.ByDate<>();
    /** Latest event per user (by timestamp, then id): the check-in statuses. */
    final ConcurrentSkipListMap<String, CheckinEvent> latestEvent = new ConcurrentSkipListMap<>();

    private final Clock clock;

    DataStore(Clock clock) {
        this.clock = clock;
    }

    // ---- derived statuses ------------------------------------------------------------------

    private static boolean newer(CheckinEvent a, CheckinEvent b) {
        int c = Long.compare(a.timestampMillis(), b.timestampMillis());
        return c > 0 || (c == 0 && a.id().compareTo(b.id()) > 0);
    }

    synchronized void putEvent(CheckinEvent e) {
        CheckinEvent old = checkinEvents.put(e);
        if (old != null && !old.userId().equals(e.userId())) {
            recomputeLatest(old.userId());
        }
        CheckinEvent cur = latestEvent.get(e.userId());
        if (cur == null || cur.id().equals(e.id()) || newer(e, cur)) {
            if (cur != null && cur.id().equals(e.id())) {
                recomputeLatest(e.userId());
            } else {
                latestEvent.put(e.userId(), e);
            }
        }
    }

    synchronized CheckinEvent removeEvent(String id) {
        CheckinEvent old = checkinEvents.remove(id);
        if (old != null) {
            CheckinEvent cur = latestEvent.get(old.userId());
            if (cur != null && cur.id().equals(id)) {
                recomputeLatest(old.userId());
            }
        }
        return old;
    }

    private void recomputeLatest(String userId) {
        CheckinEvent best = null;
        for (CheckinEvent e : checkinEvents.all()) {
            if (e.userId().equals(userId) && (best == null || newer(e, best))) {
                best = e;
            }
        }
        if (best == null) {
            latestEvent.remove(userId);
        } else {
            latestEvent.put(userId, best);
        }
    }

    synchronized void loadEvents(List<CheckinEvent> events) {
        checkinEvents.load(events);
        for (CheckinEvent e : events) {
            CheckinEvent cur = latestEvent.get(e.userId());
            if (cur == null || newer(e, cur)) {
                latestEvent.put(e.userId(), e);
            }
        }
    }

    // ---- generic access by resource ----------------------------------------------------------

    List<? extends Rec> all(Resource r) {
        return switch (r) {
            case USERS -> users.all();
            case BUILDINGS -> buildings.all();
            case PARKING_LOTS -> parkingLots.all();
            case WORKDAYS -> workdays.all();
            case WORKSPACE_RESERVATIONS -> workspaceReservations.all();
            case PARKING_RESERVATIONS -> parkingReservations.all();
            case CHECKIN_EVENTS -> checkinEvents.all();
            case CHECKIN_STATUSES -> latestEvent.values().stream().map(CheckinStatus::of).toList();
        };
    }

    Rec get(Resource r, String id) {
        if (id == null) {
            return null;
        }
        return switch (r) {
            case USERS -> users.get(id);
            case BUILDINGS -> buildings.get(id);
            case PARKING_LOTS -> parkingLots.get(id);
            case WORKDAYS -> workdays.get(id);
            case WORKSPACE_RESERVATIONS -> workspaceReservations.get(id);
            case PARKING_RESERVATIONS -> parkingReservations.get(id);
            case CHECKIN_EVENTS -> checkinEvents.get(id);
            case CHECKIN_STATUSES -> {
                CheckinEvent e = latestEvent.get(id);
                yield e == null ? null : CheckinStatus.of(e);
            }
        };
    }

    Rec put(Rec rec) {
        if (rec instanceof User u) {
            return users.put(u);
        } else if (rec instanceof Building b) {
            return buildings.put(b);
        } else if (rec instanceof ParkingLot p) {
            return parkingLots.put(p);
        } else if (rec instanceof Workday w) {
            return workdays.put(w);
        } else if (rec instanceof WorkspaceReservation w) {
            return workspaceReservations.put(w);
        } else if (rec instanceof ParkingReservation p) {
            return parkingReservations.put(p);
        } else if (rec instanceof CheckinEvent e) {
            putEvent(e);
            return null;
        }
        throw new UnsupportedOperationException("cannot store " + rec.getClass().getSimpleName());
    }

    Rec remove(Resource r, String id) {
        return switch (r) {
            case USERS -> users.remove(id);
            case BUILDINGS -> buildings.remove(id);
            case PARKING_LOTS -> parkingLots.remove(id);
            case WORKDAYS -> workdays.remove(id);
            case WORKSPACE_RESERVATIONS -> workspaceReservations.remove(id);
            case PARKING_RESERVATIONS -> parkingReservations.remove(id);
            case CHECKIN_EVENTS -> removeEvent(id);
            case CHECKIN_STATUSES -> throw new UnsupportedOperationException(
                    "checkin-statuses are derived from checkin-events and read-only");
        };
    }

    int size(Resource r) {
        return switch (r) {
            case USERS -> users.size();
            case BUILDINGS -> buildings.size();
            case PARKING_LOTS -> parkingLots.size();
            case WORKDAYS -> workdays.size();
            case WORKSPACE_RESERVATIONS -> workspaceReservations.size();
            case PARKING_RESERVATIONS -> parkingReservations.size();
            case CHECKIN_EVENTS -> checkinEvents.size();
            case CHECKIN_STATUSES -> latestEvent.size();
        };
    }

    static Map<String, Object> toMap(Rec rec) {
        Out.Maps m = new Out.Maps();
        V2Shapes.write(rec, m);
        return m.result();
    }

    // ---- maps to records ----------------------------------------------------------------------

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
    Rec create(Resource r, Map<String, Object> map) {
        if (r == Resource.CHECKIN_STATUSES) {
            throw new UnsupportedOperationException("checkin-statuses are derived from checkin-events and read-only");
        }
        Map<String, Object> m = new LinkedHashMap<>(map);
        if (m.get("id") == null) {
            m.put("id", UUID.randomUUID().toString());
        }
        return fromMap(r, m);
    }

    /** Merges changes into an existing record's fields; the id cannot change. */
    Rec merge(Resource r, Rec old, Map<String, Object> changes) {
        if (r == Resource.CHECKIN_STATUSES) {
            throw new UnsupportedOperationException("checkin-statuses are derived from checkin-events and read-only");
        }
        Object newId = changes.get("id");
        if (newId != null && !newId.toString().equals(old.id())) {
            throw new BadRecordException("id", "the id of a record cannot change");
        }
        Map<String, Object> m = toMap(old);
        for (Map.Entry<String, List<String>> d : DERIVED.entrySet()) {
            Object before = m.get(d.getKey());
            if (changes.containsKey(d.getKey()) && !java.util.Objects.equals(before, changes.get(d.getKey()))) {
                d.getValue().forEach(m::remove);
            }
        }
        m.putAll(changes);
        m.put("id", old.id());
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
        throw new BadRecordException(k, "'" + v + "' is not one of " + new java.util.TreeSet<>(allowed));
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
        Building b = buildingId == null ? null : buildings.get(buildingId);
        return b == null ? ZoneOffset.UTC : b.zone();
    }

    ZoneId zoneOfLot(ParkingLot lot) {
        if (lot != null) {
            for (String b : lot.buildingIds()) {
                Building building = buildings.get(b);
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

    Rec fromMap(Resource r, Map<String, Object> m) {
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
                User u = users.get(userId);
                String status = oneOf(m, "status", WORKDAY_STATUSES, true);
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
                User u = users.get(userId);
                String buildingId = str(m, "buildingId");
                Building b = buildingId == null ? null : buildings.get(buildingId);
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
                User u = users.get(userId);
                String lotId = str(m, "parkingLotId");
                ParkingLot lot = lotId == null ? null : parkingLots.get(lotId);
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
                return new CheckinEvent(id, userId, buildingId, oneOf(m, "eventType", EVENT_TYPES, true),
                        oneOf(m, "source", SOURCES, true), ts.toEpochMilli(), zoneOfBuilding(buildingId), extra);
            }
            default:
                throw new UnsupportedOperationException(r.name + " is read-only");
        }
    }

    static String canonical(Set<String> allowed, String v) {
        if (v == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(v.trim())) {
                return a;
            }
        }
        return null;
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
