package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorsAreProblemDetailsTest {

    static MapiqSimulator sim;
    static Api api;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(5).rateLimitPerSecond(0).start();
        api = new Api(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static JsonNode problem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("type").asText()).isNotBlank();
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("traceId").asText()).isNotBlank();
        return p;
    }

    @Test
    void missingStartDateIsA400NamingTheField() {
        JsonNode p = problem(api.get("/v2/reservations/workspaces"), 400);
        assertThat(p.get("errors").has("startDate")).isTrue();
        assertThat(p.get("detail").asText()).contains("startDate");
    }

    @Test
    void malformedDateIsA400NamingTheField() {
        JsonNode p = problem(api.get("/v2/workdays?startDate=2024-13-01"), 400);
        assertThat(p.get("errors").get("startDate").get(0).asText()).contains("2024-13-01");
        p = problem(api.get("/v2/workdays?startDate=" + TODAY + "&endDate=tomorrow"), 400);
        assertThat(p.get("errors").has("endDate")).isTrue();
    }

    @Test
    void endDateBeforeStartDateIsA400() {
        JsonNode p = problem(api.get("/v2/workdays?startDate=" + TODAY + "&endDate=" + TODAY.minusDays(1)), 400);
        assertThat(p.get("errors").get("endDate").get(0).asText()).contains("before");
    }

    @Test
    void rangeOverThirtyOneDaysIsA400() {
        assertThat(api.get("/v2/workdays?startDate=" + TODAY.minusDays(30) + "&endDate=" + TODAY).status())
                .isEqualTo(200);
        JsonNode p = problem(api.get("/v2/workdays?startDate=" + TODAY.minusDays(31) + "&endDate=" + TODAY), 400);
        assertThat(p.get("errors").get("endDate").get(0).asText()).contains("at most 31");
    }

    @Test
    void badPageSizeStatusAndContinuationTokenAreA400() {
        assertThat(problem(api.get("/v2/users?pageSize=0"), 400).get("errors").has("pageSize")).isTrue();
        assertThat(problem(api.get("/v2/users?pageSize=1001"), 400).get("errors").has("pageSize")).isTrue();
        assertThat(problem(api.get("/v2/users?pageSize=ten"), 400).get("errors").has("pageSize")).isTrue();
        assertThat(problem(api.get("/v2/workdays?startDate=" + TODAY + "&status=Holiday"), 400).get("errors")
                .has("status")).isTrue();
        assertThat(problem(api.get("/v2/users?continuationToken=garbage"), 400).get("errors")
                .has("continuationToken")).isTrue();
    }

    @Test
    void continuationTokenOfAnotherQueryIsA400() {
        String token = api.get("/v2/users?pageSize=2").json().get("continuationToken").asText();
        assertThat(api.get("/v2/users?pageSize=2&continuationToken=" + token).status()).isEqualTo(200);
        JsonNode p = problem(api.get("/v2/spaces/buildings?continuationToken=" + token), 400);
        assertThat(p.get("errors").has("continuationToken")).isTrue();
    }

    @Test
    void invalidCheckinBodyNamesEveryField() {
        JsonNode p = problem(api.post("/v2/user-locations/checkin-events", Map.of("userId", "nobody",
                "buildingId", "nowhere", "eventType", "Arrived", "source", "Bluetooth")), 400);
        assertThat(p.get("errors").has("userId")).isTrue();
        assertThat(p.get("errors").has("buildingId")).isTrue();
        assertThat(p.get("errors").has("eventType")).isTrue();
        assertThat(p.get("errors").has("source")).isTrue();
        JsonNode p2 = problem(api.post("/v2/user-locations/checkin-events", Map.of()), 400);
        assertThat(p2.get("errors").get("userId").get(0).asText()).contains("required");
    }

    @Test
    void invalidOccupancyReadingsNameTheirIndex() {
        JsonNode p = problem(api.post("/v2/occupancy", java.util.List.of(
                Map.of("spaceId", "a", "timestamp", "2024-05-01T09:00:00Z", "occupancy", -1),
                Map.of("timestamp", "yesterday", "occupancy", 2))), 400);
        assertThat(p.get("errors").has("[0].occupancy")).isTrue();
        assertThat(p.get("errors").has("[1].spaceId")).isTrue();
        assertThat(p.get("errors").has("[1].timestamp")).isTrue();
        problem(api.post("/v2/occupancy", Map.of("spaceId", "a")), 400);
    }

    @Test
    void missingAndUnknownTokensAre401WithWwwAuthenticate() {
        Api anonymous = new Api(sim);
        Api.Response r = anonymous.get("/v2/users");
        problem(r, 401);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
        assertThat(r.json().get("detail").asText()).contains("no bearer token");
        anonymous.token = "made-up";
        r = anonymous.get("/v2/users");
        problem(r, 401);
        assertThat(r.json().get("detail").asText()).contains("unknown");
    }

    @Test
    void readonlyClientPostingACheckinIs403() {
        Api readonly = new Api(sim).login(MapiqSimulator.READONLY_CLIENT_ID, MapiqSimulator.READONLY_CLIENT_SECRET);
        assertThat(readonly.get("/v2/users").status()).isEqualTo(200);
        JsonNode p = problem(readonly.post("/v2/user-locations/checkin-events", Map.of("userId", "x")), 403);
        assertThat(p.get("detail").asText()).contains("checkins.write");
        problem(readonly.delete("/v2/reservations/workspaces/any"), 403);
        problem(readonly.post("/v2/occupancy", java.util.List.of()), 403);
    }

    @Test
    void clientWithoutAPermissionIs403OnThatResourceOnly() {
        sim.control().registerClient("users-only", "s3cret", java.util.Set.of("users.read"));
        Api usersOnly = new Api(sim).login("users-only", "s3cret");
        assertThat(usersOnly.get("/v2/users").status()).isEqualTo(200);
        assertThat(problem(usersOnly.get("/v2/spaces/buildings"), 403).get("detail").asText()).contains("spaces.read");
    }

    @Test
    void unknownIdAndUnknownPathAre404AndWrongMethodIs405() {
        problem(api.delete("/v2/reservations/workspaces/00000000-0000-0000-0000-000000000000"), 404);
        problem(api.get("/v2/reservations/workspaces/00000000-0000-0000-0000-000000000000"), 404);
        problem(api.get("/v2/no-such-thing"), 404);
        problem(api.get("/nothing/here"), 404);
        Api.Response r = api.delete("/v2/users");
        problem(r, 405);
        assertThat(r.header("Allow")).isEqualTo("GET");
    }

    @Test
    void callsAreCountedByMethodPathAndStatus() {
        sim.control().resetCounters();
        api.get("/v2/users");
        api.get("/v2/users?pageSize=0");
        assertThat(sim.control().calls("GET", "/v2/users")).isEqualTo(2);
        assertThat(sim.control().calls("GET", "/v2/users", 400)).isEqualTo(1);
        assertThat(sim.control().callCounts()).containsEntry("GET /v2/users 200", 1L);
    }
}
