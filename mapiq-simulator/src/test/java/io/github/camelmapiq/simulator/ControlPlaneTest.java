package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ControlPlaneTest {

    static MapiqSimulator sim;
    static Api api;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(10).rateLimitPerSecond(0).start();
        api = new Api(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void addedUserIsServedWithAGeneratedGuidAndItsUnknownFields() {
        Map<String, Object> rec = new LinkedHashMap<>();
        rec.put("email", "new.hire@example.com");
        rec.put("firstName", "New");
        rec.put("lastName", "Hire");
        rec.put("costCenter", "CC-42");
        Map<String, Object> stored = sim.control().add("users", rec);
        String id = (String) stored.get("id");
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(stored).containsEntry("costCenter", "CC-42").containsEntry("externalId", null);
        JsonNode all = api.get("/v2/users?pageSize=1000").items();
        JsonNode served = null;
        for (JsonNode u : all) {
            if (u.get("id").asText().equals(id)) {
                served = u;
            }
        }
        assertThat(served).isNotNull();
        assertThat(served.get("costCenter").asText()).isEqualTo("CC-42");
        assertThat(sim.control().count("users")).isEqualTo(11);
    }

    @Test
    void addedReservationFillsNamesFromItsUserAndBuildingAndAppearsOnItsLocalDate() {
        Map<String, Object> user = sim.control().list("users").get(0);
        Map<String, Object> ny = sim.control().list("buildings").stream()
                .filter(b -> b.get("timeZone").equals("America/New_York")).findFirst().orElseThrow();
        LocalDate day = TODAY.plusDays(2);
        // 23:30 in New York is the next day in UTC: the reservation belongs to the New York date
        Map<String, Object> stored = sim.control().add("workspace-reservations", Map.of("userId", user.get("id"),
                "buildingId", ny.get("id"), "startTime", day + "T22:00:00-04:00", "endTime", day + "T23:30:00-04:00",
                "nodeId", "desk-x"));
        assertThat(stored).containsEntry("firstName", user.get("firstName")).containsEntry("email", user.get("email"))
                .containsEntry("buildingName", ny.get("name"));
        JsonNode onDay = api.get("/v2/reservations/workspaces?startDate=" + day + "&userId=" + user.get("id")
                + "&buildingId=" + ny.get("id")).items();
        assertThat(onDay.findValuesAsText("id")).contains((String) stored.get("id"));
    }

    @Test
    void updateMergesAndDeleteRemoves() {
        Map<String, Object> user = sim.control().list("users").get(1);
        String id = (String) user.get("id");
        Map<String, Object> updated = sim.control().update("users", id, Map.of("licensePlate", "ZZ-999-Z"));
        assertThat(updated).containsEntry("licensePlate", "ZZ-999-Z").containsEntry("email", user.get("email"));
        assertThat(sim.control().get("users", id)).contains(updated);
        assertThatThrownBy(() -> sim.control().update("users", "nope", Map.of())).isInstanceOf(
                NoSuchElementException.class);
        Map<String, Object> wd = sim.control().list("workdays").get(0);
        Map<String, Object> remote = new java.util.HashMap<>();
        remote.put("status", "Remote");
        remote.put("buildingId", null);
        assertThat(sim.control().update("workdays", (String) wd.get("id"), remote)).containsEntry("status", "Remote")
                .containsEntry("buildingId", null);
        assertThat(sim.control().delete("workdays", (String) wd.get("id"))).isTrue();
        assertThat(sim.control().delete("workdays", (String) wd.get("id"))).isFalse();
        assertThat(sim.control().get("workdays", (String) wd.get("id"))).isEmpty();
    }

    @Test
    void invalidRecordsAndUnknownResourcesAreRejected() {
        assertThatThrownBy(() -> sim.control().add("workdays", Map.of("userId", "u", "date", TODAY.toString(),
                "status", "Holiday"))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("status");
        assertThatThrownBy(() -> sim.control().list("desks")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.control().add("checkin-statuses", Map.of()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void checkinStatusesFollowTheLatestEvent() {
        Map<String, Object> user = sim.control().list("users").get(2);
        String building = (String) sim.control().list("buildings").get(0).get("id");
        sim.control().add("checkin-events", Map.of("id", "e-late", "userId", user.get("id"), "buildingId", building,
                "eventType", "AtTheOffice", "source", "Wifi", "timestamp", "2999-01-01T08:00:00Z"));
        assertThat(sim.control().get("checkin-statuses", (String) user.get("id")).orElseThrow())
                .containsEntry("status", "AtTheOffice").containsEntry("since", "2999-01-01T08:00:00Z");
        sim.control().delete("checkin-events", "e-late");
        assertThat(sim.control().get("checkin-statuses", (String) user.get("id")).map(s -> s.get("since")))
                .isNotEqualTo(java.util.Optional.of("2999-01-01T08:00:00Z"));
    }

    @Test
    void httpControlPlaneOffersTheSameOperations() {
        Api control = new Api(sim);
        Api.Response created = control.post("/_simulator/data/buildings", Map.of("name", "Utrecht Studio",
                "timeZone", "Europe/Amsterdam", "floors", List.of(Map.of("name", "Ground floor", "number", 0))));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(control.get("/_simulator/data/buildings/" + id).json().get("name").asText())
                .isEqualTo("Utrecht Studio");
        Api.Response put = Api.send(control.authorized("/_simulator/data/buildings/" + id)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"address\":\"Neude 1, Utrecht\"}")).build());
        assertThat(put.json().get("address").asText()).isEqualTo("Neude 1, Utrecht");
        assertThat(control.get("/_simulator/data/buildings").json().size()).isEqualTo(5);
        assertThat(control.delete("/_simulator/data/buildings/" + id).status()).isEqualTo(204);
        assertThat(control.get("/_simulator/data/buildings/" + id).status()).isEqualTo(404);
        assertThat(control.post("/_simulator/data/buildings", Map.of("timeZone", "Mars/Olympus")).json()
                .get("errors").has("timeZone")).isTrue();

        assertThat(control.post("/_simulator/clients", Map.of("clientId", "http-client", "clientSecret", "pw",
                "permissions", List.of("spaces.read"))).status()).isEqualTo(201);
        Api httpClient = new Api(sim).login("http-client", "pw");
        assertThat(httpClient.get("/v2/spaces/buildings").status()).isEqualTo(200);
        assertThat(httpClient.get("/v2/users").status()).isEqualTo(403);

        assertThat(control.post("/_simulator/gc", Map.of()).status()).isEqualTo(204);
        assertThat(control.get("/_simulator/gc").status()).as("only POST collects").isEqualTo(404);
        assertThat(control.post("/_simulator/tokens/revoke", Map.of()).status()).isEqualTo(204);
        assertThat(httpClient.get("/v2/spaces/buildings").status()).isEqualTo(401);

        JsonNode counters = control.get("/_simulator/counters").json();
        assertThat(counters.get("calls").get("GET /v2/users 403").asLong()).isEqualTo(1);
        assertThat(counters.get("tokenRequests").asLong()).isPositive();
        assertThat(control.get("/_simulator/log/checkins").json().isArray()).isTrue();
        assertThat(control.get("/_simulator/log/deletions").json().isArray()).isTrue();
        assertThat(control.get("/_simulator/log/readings").json().isArray()).isTrue();
        assertThat(Api.send(control.authorized("/_simulator/settings").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"bareArrays\":true}")).build()).json()
                .get("bareArrays").asBoolean()).isTrue();
        sim.control().setBareArrays(false);
        assertThat(control.get("/_simulator").json().get("records").get("users").asInt()).isPositive();
        assertThat(control.delete("/_simulator/counters").status()).isEqualTo(204);
        assertThat(sim.control().callCounts()).isEmpty();
        api.login();
    }

    @Test
    void registeredClientPermissionsAreEnforced() {
        sim.control().registerClient("writer", "w", Set.of("checkins.write"));
        Api writer = new Api(sim).login("writer", "w");
        assertThat(writer.get("/v2/user-locations/checkin-events?startDate=" + TODAY).status()).isEqualTo(403);
    }
}
