package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the contract, {@code docs/mapiq-api.md}, section by section for the lines the other tests leave out, as a client
 * would see them over HTTP. The clock is a fixed Wednesday, so the demo data is the same on every run.
 */
class ContractConformanceTest {

    static final LocalDate DAY = LocalDate.of(2025, 6, 11);
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-06-11T12:00:00Z"));
    static final List<String> DATED = List.of("/v2/workdays", "/v2/reservations/workspaces",
            "/v2/reservations/parking-spots", "/v2/user-locations/checkin-events");
    static MapiqSimulator sim;
    static Api api;

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(10).rateLimitPerSecond(0).clock(CLOCK).start();
        api = new Api(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    static String range(LocalDate from, LocalDate to) {
        return "startDate=" + from + "&endDate=" + to + "&pageSize=1000";
    }

    static JsonNode items(String pathAndQuery) {
        Api.Response r = api.get(pathAndQuery);
        assertThat(r.status()).as(pathAndQuery + " " + r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        return r.items();
    }

    static void assertNullableText(JsonNode record, String... fields) {
        for (String f : fields) {
            assertThat(record.has(f)).as(f + " present in " + record).isTrue();
            assertThat(record.get(f).isTextual() || record.get(f).isNull()).as(f + " in " + record).isTrue();
        }
    }

    static void assertText(JsonNode record, String... fields) {
        for (String f : fields) {
            assertThat(record.get(f).isTextual()).as(f + " in " + record).isTrue();
            assertThat(record.get(f).asText()).as(f).isNotBlank();
        }
    }

    // ---- 1. Authentication -----------------------------------------------------------------

    @Test
    void tokenResponseIsABearerTokenWithNumericLifetimeAndNoRefreshToken() {
        Api.Response r = api.tokenRequest(TokenEndpointTest.valid());
        JsonNode t = r.json();
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").isIntegralNumber()).isTrue();
        assertThat(t.get("expires_in").asInt()).isEqualTo(3600);
        assertThat(t.has("refresh_token")).isFalse();
        assertThat(r.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void tokenEndpointAnswersOtherMethodsWith405AndAllowPost() {
        Api.Response r = Api.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl())).GET().build());
        TokenEndpointTest.oauthError(r, 405, "invalid_request");
        assertThat(r.header("Allow")).isEqualTo("POST");
    }

    @Test
    void v2CallsNeedNoApiKeyAndIgnoreOne() {
        Api.Response r = Api.send(api.authorized("/v2/users").header("mapiq-api-key", "anything").GET().build());
        assertThat(r.status()).isEqualTo(200);
    }

    // ---- 2. API calls ----------------------------------------------------------------------

    @Test
    void everyV2CallWithoutATokenIs401WithABearerChallenge() {
        Api anonymous = new Api(sim);
        List<String> calls = List.of("/v2/users", "/v2/spaces/buildings", "/v2/spaces/parking-lots",
                "/v2/workdays?startDate=" + DAY, "/v2/reservations/workspaces?startDate=" + DAY,
                "/v2/reservations/parking-spots?startDate=" + DAY, "/v2/user-locations/checkin-events?startDate=" + DAY,
                "/v2/user-locations/checkin-statuses");
        for (String call : calls) {
            Api.Response r = anonymous.get(call);
            ErrorsAreProblemDetailsTest.problem(r, 401);
            assertThat(r.header("WWW-Authenticate")).as(call).startsWith("Bearer error=\"invalid_token\"");
        }
        assertThat(anonymous.delete("/v2/reservations/workspaces/x").status()).isEqualTo(401);
        assertThat(anonymous.post("/v2/user-locations/checkin-events", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.post("/v2/occupancy", List.of()).status()).isEqualTo(401);
    }

    @Test
    void everyDatedListRequiresStartDateAndDefaultsEndDateToIt() {
        for (String path : DATED) {
            JsonNode p = ErrorsAreProblemDetailsTest.problem(api.get(path), 400);
            assertThat(p.get("errors").has("startDate")).as(path).isTrue();
            JsonNode oneDay = items(path + "?startDate=" + DAY + "&pageSize=1000");
            assertThat(oneDay).as(path).isEqualTo(items(path + "?" + range(DAY, DAY)));
            assertThat(oneDay.size()).as(path).isPositive();
            assertThat(items(path + "?" + range(DAY.minusDays(7), DAY)).size()).as(path)
                    .isGreaterThan(oneDay.size());
        }
    }

    @Test
    void everyDatedListAllowsThirtyOneDaysAndRefusesThirtyTwo() {
        for (String path : DATED) {
            assertThat(api.get(path + "?" + range(DAY.minusDays(15), DAY.plusDays(15))).status()).as(path)
                    .isEqualTo(200);
            JsonNode p = ErrorsAreProblemDetailsTest.problem(api.get(path + "?" + range(DAY.minusDays(15),
                    DAY.plusDays(16))), 400);
            assertThat(p.get("errors").get("endDate").get(0).asText()).contains("31");
        }
    }

    @Test
    void datedFiltersKeepOnlyMatchingRecords() {
        String q = range(DAY.minusDays(7), DAY.plusDays(7));
        JsonNode office = items("/v2/workdays?" + q + "&status=Office");
        String user = office.get(0).get("userId").asText();
        String building = office.get(0).get("buildingId").asText();
        assertThat(items("/v2/workdays?" + q + "&userId=" + user).findValuesAsText("userId")).containsOnly(user);
        assertThat(items("/v2/workdays?" + q + "&buildingId=" + building).findValuesAsText("buildingId"))
                .containsOnly(building);

        JsonNode events = items("/v2/user-locations/checkin-events?" + range(DAY.minusDays(7), DAY));
        String eventUser = events.get(0).get("userId").asText();
        String eventBuilding = events.get(0).get("buildingId").asText();
        assertThat(items("/v2/user-locations/checkin-events?" + range(DAY.minusDays(7), DAY) + "&userId="
                + eventUser).findValuesAsText("userId")).containsOnly(eventUser);
        assertThat(items("/v2/user-locations/checkin-events?" + range(DAY.minusDays(7), DAY) + "&buildingId="
                + eventBuilding).findValuesAsText("buildingId")).containsOnly(eventBuilding);

        JsonNode parking = items("/v2/reservations/parking-spots?" + q);
        String parkingUser = parking.get(0).get("userId").asText();
        assertThat(items("/v2/reservations/parking-spots?" + q + "&userId=" + parkingUser)
                .findValuesAsText("userId")).containsOnly(parkingUser);
    }

    @Test
    void unknownIdsOfTheFilterGiveAnEmptyListNotAnError() {
        assertThat(items("/v2/reservations/workspaces?startDate=" + DAY + "&userId=no-such-user")).isEmpty();
    }

    // ---- 3. Paging ---------------------------------------------------------------------------

    @Test
    void pageSizeDefaultsToOneHundredAndAcceptsOneThousand() {
        String q = "/v2/workdays?" + "startDate=" + DAY.minusDays(15) + "&endDate=" + DAY.plusDays(15);
        Api.Response page = api.get(q);
        assertThat(page.items()).hasSize(100);
        assertThat(page.json().get("continuationToken").isTextual()).isTrue();
        Api.Response big = api.get(q + "&pageSize=1000");
        assertThat(big.items().size()).isGreaterThan(100).isLessThanOrEqualTo(1000);
        assertThat(big.json().get("continuationToken").isNull()).isTrue();
        assertThat(ErrorsAreProblemDetailsTest.problem(api.get(q + "&pageSize=1001"), 400).get("errors")
                .has("pageSize")).isTrue();
    }

    // ---- 4. Representations --------------------------------------------------------------------

    @Test
    void userFieldsHaveTheirTypes() {
        for (JsonNode u : items("/v2/users")) {
            assertText(u, "id", "email", "firstName", "lastName");
            assertNullableText(u, "externalId", "licensePlate", "department");
        }
    }

    @Test
    void buildingAndParkingLotFieldsHaveTheirTypes() {
        Set<String> buildingIds = new java.util.HashSet<>();
        for (JsonNode b : items("/v2/spaces/buildings")) {
            assertText(b, "id", "name", "timeZone");
            assertThat(java.time.ZoneId.of(b.get("timeZone").asText())).isNotNull();
            assertNullableText(b, "address");
            assertThat(b.get("floors").isArray()).isTrue();
            for (JsonNode f : b.get("floors")) {
                assertText(f, "id", "name");
                assertThat(f.get("number").isIntegralNumber()).isTrue();
            }
            buildingIds.add(b.get("id").asText());
        }
        for (JsonNode lot : items("/v2/spaces/parking-lots")) {
            assertText(lot, "id", "name");
            assertThat(lot.get("capacity").isIntegralNumber()).isTrue();
            for (JsonNode z : lot.get("zones")) {
                assertText(z, "id", "name", "type");
                assertThat(z.get("capacity").isIntegralNumber()).isTrue();
            }
            assertThat(lot.get("buildingIds").isArray()).isTrue();
            lot.get("buildingIds").forEach(id -> assertThat(buildingIds).contains(id.asText()));
        }
    }

    @Test
    void workdayFieldsInOrderWithBuildingOnlyWhenOffice() {
        JsonNode days = items("/v2/workdays?" + range(DAY, DAY.plusDays(2)));
        assertThat(V2ResourcesAnswerDemoDataTest.fields(days.get(0)))
                .isEqualTo("id,userId,email,externalId,date,startTime,endTime,status,buildingId,");
        for (JsonNode w : days) {
            assertText(w, "id", "userId", "email", "date", "startTime", "endTime", "status");
            assertNullableText(w, "externalId", "buildingId");
            LocalDate date = LocalDate.parse(w.get("date").asText());
            assertThat(date).isBetween(DAY, DAY.plusDays(2));
            OffsetDateTime start = OffsetDateTime.parse(w.get("startTime").asText());
            assertThat(start.isBefore(OffsetDateTime.parse(w.get("endTime").asText()))).isTrue();
            assertThat(w.get("status").asText()).isIn("Office", "Remote", "NotWorking");
            assertThat(w.get("buildingId").isNull()).isEqualTo(!"Office".equals(w.get("status").asText()));
        }
    }

    @Test
    void workspaceReservationIsBookedAtItsNodeLevel() {
        JsonNode all = items("/v2/reservations/workspaces?" + range(DAY.minusDays(7), DAY.plusDays(7)));
        for (JsonNode r : all) {
            assertText(r, "id", "userId", "email", "firstName", "lastName", "startTime", "endTime", "nodeId",
                    "floorId", "buildingId", "buildingName");
            assertNullableText(r, "userExternalId", "deskId", "areaId");
            assertThat(r.get("floorNumber").isIntegralNumber()).isTrue();
            String node = r.get("nodeId").asText();
            if (!r.get("deskId").isNull()) {
                assertThat(node).isEqualTo(r.get("deskId").asText());
                assertThat(r.get("areaId").isNull()).isFalse();
            } else if (!r.get("areaId").isNull()) {
                assertThat(node).isEqualTo(r.get("areaId").asText());
            } else {
                assertThat(node).isEqualTo(r.get("floorId").asText());
            }
            assertThat(OffsetDateTime.parse(r.get("startTime").asText()).getOffset()).isNotNull();
        }
        assertThat(all.findValues("deskId")).anyMatch(JsonNode::isNull);
    }

    @Test
    void parkingReservationFieldsHaveTheirTypes() {
        for (JsonNode p : items("/v2/reservations/parking-spots?" + range(DAY.minusDays(7), DAY.plusDays(7)))) {
            assertText(p, "id", "userId", "email", "startTime", "endTime", "parkingLotId", "parkingLotName");
            assertNullableText(p, "zoneId", "zoneName", "licensePlate");
            assertThat(OffsetDateTime.parse(p.get("startTime").asText())
                    .isBefore(OffsetDateTime.parse(p.get("endTime").asText()))).isTrue();
        }
    }

    @Test
    void checkinEventFieldsUseTheDocumentedStrings() {
        JsonNode events = items("/v2/user-locations/checkin-events?" + range(DAY.minusDays(7), DAY));
        assertThat(V2ResourcesAnswerDemoDataTest.fields(events.get(0)))
                .isEqualTo("id,userId,buildingId,eventType,source,timestamp,");
        assertThat(events.findValuesAsText("eventType")).containsOnly("AtTheOffice", "NotAtTheOffice");
        assertThat(events.findValuesAsText("source")).containsOnly("Wifi", "AccessGate", "Sensor");
        events.findValuesAsText("timestamp").forEach(t -> assertThat(Instant.parse(t)).isNotNull());
        JsonNode statuses = items("/v2/user-locations/checkin-statuses");
        assertThat(statuses.findValuesAsText("status")).isSubsetOf("AtTheOffice", "NotAtTheOffice");
        statuses.findValuesAsText("since").forEach(t -> assertThat(Instant.parse(t)).isNotNull());
    }

    @Test
    void checkinStatusIsTheLatestEventByTimestampNotTheLastPosted() {
        String user = items("/v2/users").get(3).get("id").asText();
        JsonNode buildings = items("/v2/spaces/buildings");
        String amsterdam = buildings.get(0).get("id").asText();
        String london = buildings.get(1).get("id").asText();
        Map<String, Object> first = new LinkedHashMap<>(Map.of("userId", user, "buildingId", amsterdam,
                "eventType", "AtTheOffice", "source", "Wifi", "timestamp", "2025-06-11T11:59:00Z"));
        Api.Response posted = api.post("/v2/user-locations/checkin-events", first);
        assertThat(posted.status()).isEqualTo(201);
        assertThat(posted.json().get("eventType").asText()).isEqualTo("AtTheOffice");
        JsonNode status = items("/v2/user-locations/checkin-statuses?userId=" + user).get(0);
        assertThat(status.get("status").asText()).isEqualTo("AtTheOffice");
        assertThat(status.get("since").asText()).isEqualTo("2025-06-11T11:59:00Z");
        assertThat(status.get("source").asText()).isEqualTo("Wifi");

        Map<String, Object> older = new LinkedHashMap<>(Map.of("userId", user, "buildingId", london,
                "eventType", "NotAtTheOffice", "source", "Sensor", "timestamp", "2025-06-11T08:00:00Z"));
        Api.Response tooSoon = api.post("/v2/user-locations/checkin-events", older);
        ErrorsAreProblemDetailsTest.problem(tooSoon, 429);
        assertThat(Integer.parseInt(tooSoon.header("Retry-After"))).isBetween(1, 60);
        CLOCK.advance(Duration.ofSeconds(61));
        assertThat(api.post("/v2/user-locations/checkin-events", older).status()).isEqualTo(201);
        status = items("/v2/user-locations/checkin-statuses?userId=" + user).get(0);
        assertThat(status.get("status").asText()).isEqualTo("AtTheOffice");
        assertThat(status.get("buildingId").asText()).isEqualTo(amsterdam);
        assertThat(items("/v2/user-locations/checkin-statuses?buildingId=" + london).findValuesAsText("userId"))
                .doesNotContain(user);
    }

    // ---- 5. Errors and limits --------------------------------------------------------------------

    @Test
    void clientWithoutPermissionsGets403NamingEachCallsPermission() {
        sim.control().registerClient("no-rights", "pw", Set.of());
        Api none = new Api(sim).login("no-rights", "pw");
        Map<String, Api.Response> answers = new LinkedHashMap<>();
        answers.put("users.read", none.get("/v2/users"));
        answers.put("spaces.read", none.get("/v2/spaces/parking-lots"));
        answers.put("workdays.read", none.get("/v2/workdays?startDate=" + DAY));
        answers.put("reservations.read", none.get("/v2/reservations/parking-spots?startDate=" + DAY));
        answers.put("reservations.delete", none.delete("/v2/reservations/workspaces/x"));
        answers.put("checkins.read", none.get("/v2/user-locations/checkin-statuses"));
        answers.put("checkins.write", none.post("/v2/user-locations/checkin-events", Map.of()));
        answers.put("occupancy.write", none.post("/v2/occupancy", List.of()));
        answers.forEach((permission, r) -> {
            JsonNode p = ErrorsAreProblemDetailsTest.problem(r, 403);
            assertThat(p.get("detail").asText()).contains("'" + permission + "'");
            assertThat(p.has("errors")).isFalse();
        });
    }

    @Test
    void validationProblemsListEveryFieldAndOtherProblemsHaveNoErrors() {
        JsonNode p = ErrorsAreProblemDetailsTest.problem(api.get("/v2/workdays?startDate=x&pageSize=0&status=y"), 400);
        assertThat(p.get("errors").has("startDate")).isTrue();
        assertThat(p.get("errors").has("pageSize")).isTrue();
        assertThat(p.get("errors").has("status")).isTrue();
        assertThat(p.get("errors").get("pageSize").isArray()).isTrue();
        JsonNode notFound = ErrorsAreProblemDetailsTest.problem(api.delete("/v2/reservations/workspaces/"
                + "00000000-0000-0000-0000-000000000000"), 404);
        assertThat(notFound.has("errors")).isFalse();
        assertThat(notFound.get("detail").asText()).contains("00000000-0000-0000-0000-000000000000");
    }
}
