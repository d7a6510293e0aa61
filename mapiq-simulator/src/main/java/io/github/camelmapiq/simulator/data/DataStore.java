package io.github.camelmapiq.simulator.data;

import io.github.camelmapiq.simulator.data.Model.Building;
import io.github.camelmapiq.simulator.data.Model.CheckinEvent;
import io.github.camelmapiq.simulator.data.Model.CheckinStatus;
import io.github.camelmapiq.simulator.data.Model.ParkingLot;
import io.github.camelmapiq.simulator.data.Model.ParkingReservation;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.Model.User;
import io.github.camelmapiq.simulator.data.Model.Workday;
import io.github.camelmapiq.simulator.data.Model.WorkspaceReservation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * All simulated data: one table per resource plus the derived check-in statuses (the latest event per user). Callers
 * read and write through its methods, by resource; the tables themselves stay inside.
 */
public final class DataStore {

    private final Tables.ById<User> users = new Tables.ById<>();
    private final Tables.ById<Building> buildings = new Tables.ById<>();
    private final Tables.ById<ParkingLot> parkingLots = new Tables.ById<>();
    private final Tables.ByDate<Workday> workdays = new Tables.ByDate<>();
    private final Tables.ByDate<WorkspaceReservation> workspaceReservations = new Tables.ByDate<>();
    private final Tables.ByDate<ParkingReservation> parkingReservations = new Tables.ByDate<>();
    private final Tables.ByDate<CheckinEvent> checkinEvents = new Tables.ByDate<>();
    /** Latest event per user (by timestamp, then id): the check-in statuses. */
    private final ConcurrentSkipListMap<String, CheckinEvent> latestEvent = new ConcurrentSkipListMap<>();

    /** Loads a generated data set (bulk: each date bucket is sorted once). */
    public void load(DemoData.Result data) {
        data.users.forEach(users::put);
        data.buildings.forEach(buildings::put);
        data.parkingLots.forEach(parkingLots::put);
        workdays.load(data.workdays);
        workspaceReservations.load(data.workspaceReservations);
        parkingReservations.load(data.parkingReservations);
        loadEvents(data.checkinEvents);
    }

    public User user(String id) {
        return id == null ? null : users.get(id);
    }

    public Building building(String id) {
        return id == null ? null : buildings.get(id);
    }

    public ParkingLot parkingLot(String id) {
        return id == null ? null : parkingLots.get(id);
    }

    // ---- derived statuses ------------------------------------------------------------------

    private static boolean newer(CheckinEvent a, CheckinEvent b) {
        int c = Long.compare(a.timestampMillis(), b.timestampMillis());
        return c > 0 || (c == 0 && a.id().compareTo(b.id()) > 0);
    }

    /** Stores a check-in event and updates the derived status of its user (and of the user it belonged to before). */
    public synchronized void putEvent(CheckinEvent e) {
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

    private synchronized CheckinEvent removeEvent(String id) {
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

    private synchronized void loadEvents(List<CheckinEvent> events) {
        checkinEvents.load(events);
        for (CheckinEvent e : events) {
            CheckinEvent cur = latestEvent.get(e.userId());
            if (cur == null || newer(e, cur)) {
                latestEvent.put(e.userId(), e);
            }
        }
    }

    // ---- generic access by resource ----------------------------------------------------------

    public List<? extends Rec> all(Resource r) {
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

    /**
     * Up to {@code limit} records after the cursor that pass the filter, in API order: by id for undated resources
     * (the days are ignored), by local date, time and id for dated ones, dated {@code fromDay..toDay} inclusive.
     */
    public List<? extends Rec> page(Resource r, long fromDay, long toDay, Tables.Cursor after,
            Predicate<? super Rec> filter, int limit) {
        return switch (r) {
            case USERS -> users.page(after, filter::test, limit);
            case BUILDINGS -> buildings.page(after, filter::test, limit);
            case PARKING_LOTS -> parkingLots.page(after, filter::test, limit);
            case WORKDAYS -> workdays.page(fromDay, toDay, after, filter, limit);
            case WORKSPACE_RESERVATIONS -> workspaceReservations.page(fromDay, toDay, after, filter, limit);
            case PARKING_RESERVATIONS -> parkingReservations.page(fromDay, toDay, after, filter, limit);
            case CHECKIN_EVENTS -> checkinEvents.page(fromDay, toDay, after, filter, limit);
            case CHECKIN_STATUSES -> statusPage(after, filter, limit);
        };
    }

    private List<CheckinStatus> statusPage(Tables.Cursor after, Predicate<? super Rec> filter, int limit) {
        List<CheckinStatus> out = new ArrayList<>();
        var source = after == null ? latestEvent.values() : latestEvent.tailMap(after.id(), false).values();
        for (CheckinEvent e : source) {
            CheckinStatus s = CheckinStatus.of(e);
            if (filter.test(s)) {
                out.add(s);
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    public Rec get(Resource r, String id) {
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

    /** Stores a record, replacing the one of the same resource with the same id. */
    public void put(Rec rec) {
        if (rec instanceof User u) {
            users.put(u);
        } else if (rec instanceof Building b) {
            buildings.put(b);
        } else if (rec instanceof ParkingLot p) {
            parkingLots.put(p);
        } else if (rec instanceof Workday w) {
            workdays.put(w);
        } else if (rec instanceof WorkspaceReservation w) {
            workspaceReservations.put(w);
        } else if (rec instanceof ParkingReservation p) {
            parkingReservations.put(p);
        } else if (rec instanceof CheckinEvent e) {
            putEvent(e);
        } else {
            throw new UnsupportedOperationException("cannot store " + rec.getClass().getSimpleName());
        }
    }

    /**
     * Replaces an existing record by {@code change(old)} as one step (no other update interleaves); answers the new
     * record, or {@code null} when there is no record with that id.
     */
    public synchronized Rec update(Resource r, String id, UnaryOperator<Rec> change) {
        Rec old = get(r, id);
        if (old == null) {
            return null;
        }
        Rec rec = change.apply(old);
        put(rec);
        return rec;
    }

    public Rec remove(Resource r, String id) {
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

    public int size(Resource r) {
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
}
