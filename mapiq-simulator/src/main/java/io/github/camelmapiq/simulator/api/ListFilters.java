package io.github.camelmapiq.simulator.api;

import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.Model.CheckinEvent;
import io.github.camelmapiq.simulator.data.Model.CheckinStatus;
import io.github.camelmapiq.simulator.data.Model.ParkingLot;
import io.github.camelmapiq.simulator.data.Model.ParkingReservation;
import io.github.camelmapiq.simulator.data.Model.Rec;
import io.github.camelmapiq.simulator.data.Model.Workday;
import io.github.camelmapiq.simulator.data.Model.WorkspaceReservation;
import io.github.camelmapiq.simulator.data.Resource;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/** What each list filter means for each resource ({@code buildingId} of a parking reservation: a lot of that building). */
final class ListFilters {

    private ListFilters() {
    }

    static Predicate<Rec> of(ListQuery q, DataStore store) {
        String userId = q.userId();
        String buildingId = q.buildingId();
        return switch (q.resource()) {
            case USERS, BUILDINGS -> r -> true;
            case PARKING_LOTS -> r -> buildingId == null || ((ParkingLot) r).buildingIds().contains(buildingId);
            case WORKDAYS -> r -> {
                Workday w = (Workday) r;
                return matches(userId, w.userId()) && matches(buildingId, w.buildingId())
                        && matches(q.status(), w.status());
            };
            case WORKSPACE_RESERVATIONS -> r -> {
                WorkspaceReservation w = (WorkspaceReservation) r;
                return matches(userId, w.userId()) && matches(buildingId, w.buildingId());
            };
            case PARKING_RESERVATIONS -> {
                Set<String> lotsOfBuilding = buildingId == null ? null : lotsOf(buildingId, store);
                String lotId = q.lotId();
                yield r -> {
                    ParkingReservation p = (ParkingReservation) r;
                    return matches(userId, p.userId()) && matches(lotId, p.parkingLotId())
                            && (lotsOfBuilding == null || lotsOfBuilding.contains(p.parkingLotId()));
                };
            }
            case CHECKIN_EVENTS -> r -> {
                CheckinEvent e = (CheckinEvent) r;
                return matches(userId, e.userId()) && matches(buildingId, e.buildingId());
            };
            case CHECKIN_STATUSES -> r -> {
                CheckinStatus s = (CheckinStatus) r;
                return matches(userId, s.userId()) && matches(buildingId, s.buildingId());
            };
        };
    }

    private static boolean matches(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static Set<String> lotsOf(String buildingId, DataStore store) {
        Set<String> lots = new HashSet<>();
        for (Rec r : store.all(Resource.PARKING_LOTS)) {
            ParkingLot l = (ParkingLot) r;
            if (l.buildingIds().contains(buildingId)) {
                lots.add(l.id());
            }
        }
        return lots;
    }
}
