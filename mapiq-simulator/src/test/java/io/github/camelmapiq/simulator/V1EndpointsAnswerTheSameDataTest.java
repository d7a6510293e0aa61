package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class V1EndpointsAnswerTheSameDataTest {

    static MapiqSimulator sim;
    static Api v2;
    static String v1Token;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    static Map<String, String> ropc() {
        Map<String, String> m = new HashMap<>();
        m.put("client_id", MapiqSimulator.V1_CLIENT_ID);
        m.put("scope", MapiqSimulator.V1_SCOPE);
        m.put("username", MapiqSimulator.V1_USERNAME);
        m.put("password", MapiqSimulator.V1_PASSWORD);
        m.put("grant_type", "password");
        m.put("response_type", MapiqSimulator.V1_RESPONSE_TYPE);
        return m;
    }

    static Api.Response v1Token(Map<String, String> form, String apiKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.v1TokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(form)));
        if (apiKey != null) {
            b.header("mapiq-api-key", apiKey);
        }
        return Api.send(b.build());
    }

    static Api.Response v1(String method, String pathAndQuery, String body, boolean withKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + v1Token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            b.header("mapiq-api-key", MapiqSimulator.V1_API_KEY);
        }
        return Api.send(b.build());
    }

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(20).rateLimitPerSecond(0).start();
        v2 = new Api(sim).login();
        Api.Response t = v1Token(ropc(), MapiqSimulator.V1_API_KEY);
        assertThat(t.status()).as(t.body()).isEqualTo(200);
        v1Token = t.json().get("access_token").asText();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void ropcTokenHasAnIdTokenAndNeedsTheApiKey() {
        JsonNode t = v1Token(ropc(), MapiqSimulator.V1_API_KEY).json();
        assertThat(t.get("id_token").asText()).contains(".");
        assertThat(t.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(v1Token(ropc(), null).status()).isEqualTo(401);
        Map<String, String> bad = ropc();
        bad.put("password", "wrong");
        assertThat(v1Token(bad, MapiqSimulator.V1_API_KEY).json().get("error").asText()).isEqualTo("invalid_grant");
        bad = ropc();
        bad.put("grant_type", "client_credentials");
        assertThat(v1Token(bad, MapiqSimulator.V1_API_KEY).json().get("error").asText())
                .isEqualTo("unsupported_grant_type");
    }

    @Test
    void v1CallsNeedTheApiKeyAndAV1Token() {
        assertThat(v1("GET", "/shifts/users", null, true).status()).isEqualTo(200);
        assertThat(v1("GET", "/shifts/users", null, false).status()).isEqualTo(401);
        Api.Response withV2Token = Api.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/shifts/users"))
                .header("Authorization", "Bearer " + v2.token).header("mapiq-api-key", MapiqSimulator.V1_API_KEY)
                .GET().build());
        assertThat(withV2Token.status()).isEqualTo(401);
        Api v1AsV2 = new Api(sim);
        v1AsV2.token = v1Token;
        assertThat(v1AsV2.get("/v2/users").status()).isEqualTo(401);
    }

    @Test
    void undatedResourcesAreTheV2ItemsAsBareArrays() {
        Map<String, String> pairs = Map.of("/shifts/users", "/v2/users", "/shifts/buildings", "/v2/spaces/buildings",
                "/parkinglots", "/v2/spaces/parking-lots",
                "/localization/admin/checkin/statuses", "/v2/user-locations/checkin-statuses");
        pairs.forEach((v1Path, v2Path) -> {
            JsonNode old = v1("GET", v1Path, null, true).json();
            assertThat(old.isArray()).isTrue();
            assertThat(old).as(v1Path).isEqualTo(v2.get(v2Path + "?pageSize=1000").items());
        });
        String range = "?startDate=" + TODAY.minusDays(3) + "&endDate=" + TODAY;
        assertThat(v1("GET", "/localization/admin/checkin/events" + range, null, true).json())
                .isEqualTo(v2.get("/v2/user-locations/checkin-events" + range + "&pageSize=1000").items());
    }

    @Test
    void registrationsAreReservationsWithADateInsteadOfTimes() {
        String range = "?startDate=" + TODAY + "&endDate=" + TODAY.plusDays(3);
        JsonNode regs = v1("GET", "/shifts/registrations" + range, null, true).json();
        JsonNode res = v2.get("/v2/reservations/workspaces" + range + "&pageSize=1000").items();
        assertThat(regs.size()).isEqualTo(res.size()).isPositive();
        Map<String, String> zones = new HashMap<>();
        v2.get("/v2/spaces/buildings").items().forEach(b -> zones.put(b.get("id").asText(),
                b.get("timeZone").asText()));
        for (int i = 0; i < res.size(); i++) {
            JsonNode r = res.get(i);
            JsonNode g = regs.get(i);
            assertThat(g.has("startTime")).isFalse();
            assertThat(g.has("endTime")).isFalse();
            LocalDate local = OffsetDateTime.parse(r.get("startTime").asText())
                    .atZoneSameInstant(ZoneId.of(zones.get(r.get("buildingId").asText()))).toLocalDate();
            assertThat(g.get("date").asText()).isEqualTo(local.toString());
            for (String f : new String[] {"id", "userId", "userExternalId", "firstName", "lastName", "email", "nodeId",
                "deskId", "areaId", "floorId", "floorNumber", "buildingId", "buildingName"}) {
                assertThat(g.get(f)).as(f).isEqualTo(r.get(f));
            }
        }
        JsonNode parking = v1("GET", "/parkingReservations" + range, null, true).json();
        JsonNode parkingV2 = v2.get("/v2/reservations/parking-spots" + range + "&pageSize=1000").items();
        assertThat(parking.size()).isEqualTo(parkingV2.size());
        if (parking.size() > 0) {
            assertThat(parking.get(0).has("date")).isTrue();
            assertThat(parking.get(0).get("licensePlate")).isEqualTo(parkingV2.get(0).get("licensePlate"));
        }
        assertThat(v1("GET", "/shifts/registrations", null, true).status()).isEqualTo(400);
    }

    @Test
    void v1DeleteAndCheckinChangeTheSharedData() {
        String range = "?startDate=" + TODAY.plusDays(5) + "&endDate=" + TODAY.plusDays(7);
        String id = v1("GET", "/shifts/registrations" + range, null, true).json().get(0).get("id").asText();
        assertThat(v1("DELETE", "/shifts/registrations?id=" + id, null, true).status()).isEqualTo(204);
        assertThat(v2.get("/v2/reservations/workspaces/" + id).status()).isEqualTo(404);
        assertThat(sim.control().deletedReservationIds()).contains(id);
        assertThat(v1("DELETE", "/shifts/registrations?id=" + id, null, true).status()).isEqualTo(404);

        String user = v2.get("/v2/users").items().get(5).get("id").asText();
        String building = v2.get("/v2/spaces/buildings").items().get(2).get("id").asText();
        Api.Response posted = v1("POST", "/localization/admin/checkin", "{\"userId\":\"" + user
                + "\",\"buildingId\":\"" + building + "\",\"eventType\":\"NotAtTheOffice\",\"source\":\"Sensor\"}", true);
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        JsonNode status = v2.get("/v2/user-locations/checkin-statuses?userId=" + user).items().get(0);
        assertThat(status.get("status").asText()).isEqualTo("NotAtTheOffice");
    }
}
