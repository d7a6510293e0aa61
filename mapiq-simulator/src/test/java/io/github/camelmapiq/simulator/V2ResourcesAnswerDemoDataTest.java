package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class V2ResourcesAnswerDemoDataTest {

    static MapiqSimulator sim;
    static Api api;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(30).rateLimitPerSecond(0).start();
        api = new Api(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String fields(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        n.fieldNames().forEachRemaining(f -> sb.append(f).append(','));
        return sb.toString();
    }

    @Test
    void usersHaveTheContractFields() {
        Api.Response r = api.get("/v2/users");
        assertThat(r.status()).isEqualTo(200);
        JsonNode items = r.items();
        assertThat(items).hasSize(30);
        assertThat(r.json().get("continuationToken").isNull()).isTrue();
        assertThat(fields(items.get(0))).isEqualTo("id,email,firstName,lastName,externalId,licensePlate,department,");
        assertThat(items.get(0).get("email").asText()).endsWith("@example.com");
    }

    @Test
    void buildingsLiveInThreeTimeZonesWithFloors() {
        JsonNode items = api.get("/v2/spaces/buildings").items();
        assertThat(items).hasSize(4);
        assertThat(items.findValuesAsText("timeZone"))
                .contains("Europe/Amsterdam", "Europe/London", "America/New_York");
        assertThat(items.get(0).get("floors").get(0).has("number")).isTrue();
        assertThat(fields(items.get(0))).isEqualTo("id,name,timeZone,address,floors,");
    }

    @Test
    void parkingLotCapacityIsTheSumOfItsZones() {
        JsonNode items = api.get("/v2/spaces/parking-lots").items();
        assertThat(items).hasSize(4);
        for (JsonNode lot : items) {
            int sum = 0;
            for (JsonNode z : lot.get("zones")) {
                sum += z.get("capacity").asInt();
            }
            if (lot.get("zones").size() > 0) {
                assertThat(lot.get("capacity").asInt()).isEqualTo(sum);
            }
            assertThat(lot.get("buildingIds").size()).isPositive();
        }
    }

    @Test
    void workdaysOfARangeHaveStatusesAndOfficeBuildings() {
        Api.Response r = api.get("/v2/workdays?startDate=" + TODAY.minusDays(7) + "&endDate=" + TODAY
                + "&pageSize=1000");
        assertThat(r.status()).isEqualTo(200);
        JsonNode items = r.items();
        assertThat(items.size()).isGreaterThan(50);
        for (JsonNode w : items) {
            LocalDate d = LocalDate.parse(w.get("date").asText());
            assertThat(d).isBetween(TODAY.minusDays(7), TODAY);
            assertThat(w.get("status").asText()).isIn("Office", "Remote", "NotWorking");
            assertThat(w.get("buildingId").isNull()).isEqualTo(!w.get("status").asText().equals("Office"));
        }
        Api.Response office = api.get("/v2/workdays?startDate=" + TODAY.minusDays(7) + "&endDate=" + TODAY
                + "&status=Office&pageSize=1000");
        assertThat(office.items().findValuesAsText("status")).containsOnly("Office");
    }

    @Test
    void workspaceReservationsFilterByUserAndBuilding() {
        String start = TODAY.minusDays(10).toString();
        String end = TODAY.plusDays(10).toString();
        JsonNode all = api.get("/v2/reservations/workspaces?startDate=" + start + "&endDate=" + end
                + "&pageSize=1000").items();
        assertThat(all.size()).isGreaterThan(100);
        JsonNode first = all.get(0);
        assertThat(fields(first)).isEqualTo("id,userId,userExternalId,firstName,lastName,email,startTime,endTime,"
                + "nodeId,deskId,areaId,floorId,floorNumber,buildingId,buildingName,");
        assertThat(first.get("startTime").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d");
        String userId = first.get("userId").asText();
        JsonNode mine = api.get("/v2/reservations/workspaces?startDate=" + start + "&endDate=" + end
                + "&userId=" + userId + "&pageSize=1000").items();
        assertThat(mine.findValuesAsText("userId")).containsOnly(userId);
        String buildingId = first.get("buildingId").asText();
        JsonNode inBuilding = api.get("/v2/reservations/workspaces?startDate=" + start + "&endDate=" + end
                + "&buildingId=" + buildingId + "&pageSize=1000").items();
        assertThat(inBuilding.findValuesAsText("buildingId")).containsOnly(buildingId);
        Api.Response one = api.get("/v2/reservations/workspaces/" + first.get("id").asText());
        assertThat(one.json().get("id").asText()).isEqualTo(first.get("id").asText());
    }

    @Test
    void parkingReservationsFilterByLot() {
        String q = "/v2/reservations/parking-spots?startDate=" + TODAY.minusDays(14) + "&endDate=" + TODAY.plusDays(14)
                + "&pageSize=1000";
        JsonNode all = api.get(q).items();
        assertThat(all.size()).isPositive();
        String lot = all.get(0).get("parkingLotId").asText();
        assertThat(api.get(q + "&parkingLotId=" + lot).items().findValuesAsText("parkingLotId")).containsOnly(lot);
        assertThat(fields(all.get(0))).isEqualTo("id,userId,email,startTime,endTime,parkingLotId,parkingLotName,"
                + "zoneId,zoneName,licensePlate,");
    }

    @Test
    void checkinEventsAndDerivedStatuses() {
        JsonNode events = api.get("/v2/user-locations/checkin-events?startDate=" + TODAY.minusDays(7) + "&endDate="
                + TODAY + "&pageSize=1000").items();
        assertThat(events.size()).isPositive();
        assertThat(events.findValuesAsText("eventType")).containsOnly("AtTheOffice", "NotAtTheOffice");
        JsonNode statuses = api.get("/v2/user-locations/checkin-statuses").items();
        assertThat(statuses.size()).isPositive();
        assertThat(fields(statuses.get(0))).isEqualTo("userId,buildingId,status,since,source,");
    }

    @Test
    void postedCheckinIsStoredLoggedAndBecomesTheStatus() {
        JsonNode user = api.get("/v2/users?pageSize=1").items().get(0);
        JsonNode building = api.get("/v2/spaces/buildings").items().get(1);
        Api.Response r = api.post("/v2/user-locations/checkin-events", Map.of("userId", user.get("id").asText(),
                "buildingId", building.get("id").asText(), "eventType", "AtTheOffice", "source", "AccessGate"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("id").asText()).isNotBlank();
        assertThat(r.header("Location")).endsWith(r.json().get("id").asText());
        assertThat(sim.control().postedCheckins()).extracting(m -> m.get("id")).contains(r.json().get("id").asText());
        JsonNode status = api.get("/v2/user-locations/checkin-statuses?userId=" + user.get("id").asText()).items();
        assertThat(status).hasSize(1);
        assertThat(status.get(0).get("status").asText()).isEqualTo("AtTheOffice");
        assertThat(status.get(0).get("buildingId").asText()).isEqualTo(building.get("id").asText());
    }

    @Test
    void occupancyReadingsAreAcceptedAndLogged() {
        Api.Response r = api.post("/v2/occupancy", List.of(
                Map.of("spaceId", "desk-1", "timestamp", "2024-05-01T09:00:00Z", "occupancy", 1),
                Map.of("spaceId", "room-7", "timestamp", "2024-05-01T09:00:00+02:00", "occupancy", 4)));
        assertThat(r.status()).isEqualTo(202);
        assertThat(sim.control().ingestedReadings()).extracting(m -> m.get("spaceId")).contains("desk-1", "room-7");
    }

    @Test
    void deletedReservationIsGoneAndLogged() {
        JsonNode res = api.get("/v2/reservations/workspaces?startDate=" + TODAY.plusDays(3) + "&endDate="
                + TODAY.plusDays(5)).items().get(0);
        String id = res.get("id").asText();
        assertThat(api.delete("/v2/reservations/workspaces/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/v2/reservations/workspaces/" + id).status()).isEqualTo(404);
        assertThat(sim.control().get("workspace-reservations", id)).isEmpty();
        assertThat(sim.control().deletedReservationIds()).contains(id);
    }
}
