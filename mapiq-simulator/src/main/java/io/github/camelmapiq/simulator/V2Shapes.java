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

/**
 * The v2 JSON representations of section 4 of the contract ({@code docs/mapiq-api.md}), field by field
 * and in that order. The control API's maps use the same shapes.
 */
final class V2Shapes {

    private V2Shapes() {
    }

    /** Writes one record as a JSON object (start and end included). */
    static void write(Rec rec, Out o) {
        o.startObject();
        if (rec instanceof User u) {
            user(u, o);
        } else if (rec instanceof Building b) {
            building(b, o);
        } else if (rec instanceof ParkingLot p) {
            parkingLot(p, o);
        } else if (rec instanceof Workday w) {
            workday(w, o);
        } else if (rec instanceof WorkspaceReservation r) {
            workspaceReservation(r, o);
        } else if (rec instanceof ParkingReservation r) {
            parkingReservation(r, o);
        } else if (rec instanceof CheckinEvent e) {
            checkinEvent(e, o);
        } else if (rec instanceof CheckinStatus s) {
            checkinStatus(s, o);
        } else {
            throw new IllegalArgumentException("no shape for " + rec.getClass());
        }
        o.extra(rec.extra());
        o.endObject();
    }

    static void user(User u, Out o) {
        o.field("id", u.id());
        o.field("email", u.email());
        o.field("firstName", u.firstName());
        o.field("lastName", u.lastName());
        o.field("externalId", u.externalId());
        o.field("licensePlate", u.licensePlate());
        o.field("department", u.department());
    }

    static void building(Building b, Out o) {
        o.field("id", b.id());
        o.field("name", b.name());
        o.field("timeZone", b.timeZone());
        o.field("address", b.address());
        o.startArray("floors");
        for (Floor f : b.floors()) {
            o.startObject();
            o.field("id", f.id());
            o.field("name", f.name());
            o.field("number", f.number());
            o.endObject();
        }
        o.endArray();
    }

    static void parkingLot(ParkingLot p, Out o) {
        o.field("id", p.id());
        o.field("name", p.name());
        o.field("capacity", p.capacity());
        o.startArray("zones");
        for (ParkingZone z : p.zones()) {
            o.startObject();
            o.field("id", z.id());
            o.field("name", z.name());
            o.field("capacity", z.capacity());
            o.field("type", z.type());
            o.endObject();
        }
        o.endArray();
        o.startArray("buildingIds");
        for (String id : p.buildingIds()) {
            o.value(id);
        }
        o.endArray();
    }

    static void workday(Workday w, Out o) {
        o.field("id", w.id());
        o.field("userId", w.userId());
        o.field("email", w.email());
        o.field("externalId", w.externalId());
        o.field("date", Times.date(w.date()));
        o.field("startTime", Times.offsetDateTime(w.start(), w.zone()));
        o.field("endTime", Times.offsetDateTime(w.end(), w.zone()));
        o.field("status", w.status());
        o.field("buildingId", w.buildingId());
    }

    static void workspaceReservation(WorkspaceReservation r, Out o) {
        o.field("id", r.id());
        workspaceReservationHead(r, o);
        o.field("startTime", Times.offsetDateTime(r.start(), r.zone()));
        o.field("endTime", Times.offsetDateTime(r.end(), r.zone()));
        workspaceReservationTail(r, o);
    }

    static void workspaceReservationHead(WorkspaceReservation r, Out o) {
        o.field("userId", r.userId());
        o.field("userExternalId", r.userExternalId());
        o.field("firstName", r.firstName());
        o.field("lastName", r.lastName());
        o.field("email", r.email());
    }

    static void workspaceReservationTail(WorkspaceReservation r, Out o) {
        o.field("nodeId", r.nodeId());
        o.field("deskId", r.deskId());
        o.field("areaId", r.areaId());
        o.field("floorId", r.floorId());
        o.field("floorNumber", r.floorNumber());
        o.field("buildingId", r.buildingId());
        o.field("buildingName", r.buildingName());
    }

    static void parkingReservation(ParkingReservation r, Out o) {
        o.field("id", r.id());
        o.field("userId", r.userId());
        o.field("email", r.email());
        o.field("startTime", Times.offsetDateTime(r.start(), r.zone()));
        o.field("endTime", Times.offsetDateTime(r.end(), r.zone()));
        parkingReservationTail(r, o);
    }

    static void parkingReservationTail(ParkingReservation r, Out o) {
        o.field("parkingLotId", r.parkingLotId());
        o.field("parkingLotName", r.parkingLotName());
        o.field("zoneId", r.zoneId());
        o.field("zoneName", r.zoneName());
        o.field("licensePlate", r.licensePlate());
    }

    static void checkinEvent(CheckinEvent e, Out o) {
        o.field("id", e.id());
        o.field("userId", e.userId());
        o.field("buildingId", e.buildingId());
        o.field("eventType", e.eventType());
        o.field("source", e.source());
        o.field("timestamp", Times.instant(e.timestampMillis()));
    }

    static void checkinStatus(CheckinStatus s, Out o) {
        o.field("userId", s.userId());
        o.field("buildingId", s.buildingId());
        o.field("status", s.status());
        o.field("since", Times.instant(s.sinceMillis()));
        o.field("source", s.source());
    }
}
