package io.github.camelmapiq.simulator.shape;

import io.github.camelmapiq.simulator.data.Times;
import io.github.camelmapiq.simulator.data.Model.ParkingReservation;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.Model.WorkspaceReservation;

/**
 * The retired v1 representations, rendered from the same stored data as v2. Deliberately minimal
 * so that a client converting v2 data to v1 can match them field by field:
 *
 * <ul>
 * <li>registration ({@code GET /shifts/registrations}): the v2 workspace reservation without
 * {@code startTime} and {@code endTime}, with {@code date} ({@code yyyy-MM-dd}, the local date of
 * the start time in the building's time zone) in their place, i.e. {@code id, userId,
 * userExternalId, firstName, lastName, email, date, nodeId, deskId, areaId, floorId, floorNumber,
 * buildingId, buildingName};</li>
 * <li>parking reservation ({@code GET /parkingReservations}): likewise {@code id, userId, email,
 * date, parkingLotId, parkingLotName, zoneId, zoneName, licensePlate};</li>
 * <li>users, buildings, parking lots, check-in events and statuses: exactly the v2 fields.</li>
 * </ul>
 */
public final class V1Shapes {

    private V1Shapes() {
    }

    public static void write(Rec rec, Out o) {
        if (rec instanceof WorkspaceReservation r) {
            o.startObject();
            registration(r, o);
            o.extra(r.extra());
            o.endObject();
        } else if (rec instanceof ParkingReservation r) {
            o.startObject();
            parkingReservation(r, o);
            o.extra(r.extra());
            o.endObject();
        } else {
            V2Shapes.write(rec, o);
        }
    }

    static void registration(WorkspaceReservation r, Out o) {
        o.field("id", r.id());
        V2Shapes.workspaceReservationHead(r, o);
        o.field("date", Times.date(r.day()));
        V2Shapes.workspaceReservationTail(r, o);
    }

    static void parkingReservation(ParkingReservation r, Out o) {
        o.field("id", r.id());
        o.field("userId", r.userId());
        o.field("email", r.email());
        o.field("date", Times.date(r.day()));
        V2Shapes.parkingReservationTail(r, o);
    }
}
