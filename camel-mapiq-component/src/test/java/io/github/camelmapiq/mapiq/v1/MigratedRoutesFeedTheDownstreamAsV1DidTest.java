package io.github.camelmapiq.mapiq.v1;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.producer.SimulatedCamel;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer's v1 routes (camel-http to api.mapiq.com, {@code routes/users/migration/v1}) and the same routes rewritten
 * with the scanner's suggestions ({@code routes/users/migration/v2}) run against the same simulator data: the
 * downstream systems receive the same JSON, including a desk booked at 23:30 in Seattle (UTC: the next day), a user
 * without a licence plate and a field v1 did not know.
 */
class MigratedRoutesFeedTheDownstreamAsV1DidTest {

    private static final String V1 = "src/test/resources/routes/users/migration/v1/";
    private static final String V2 = "routes/users/migration/v2/";

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(8).rateLimitPerSecond(0).build();

    private static final LocalDate TODAY = LocalDate.now();
    private static SimulatedCamel v1;
    private static SimulatedCamel v2;
    private static String v1Token;
    private static String plateless;
    private static String nearMidnight;

    @BeforeAll
    static void start() throws Exception {
        addSeattleBookingsNearMidnight(sim.simulator().control());
        v1 = SimulatedCamel.start(sim.simulator(), customerRoutesOnV1());
        v1.context.getPropertiesComponent().setOverrideProperties(properties("v1"));
        for (String file : List.of("registrations-sync.camel.yaml", "checkin-bridge.xml", "parking-export.camel.yaml")) {
            String text = Files.readString(Path.of(V1 + file), StandardCharsets.UTF_8)
                    .replace("https://api.mapiq.com", sim.simulator().baseUrl()); // the simulator serves v1 there
            PluginHelper.getRoutesLoader(v1.context).loadRoutes(ResourceHelper.fromString(file, text));
        }
        v1Token = v1.template.request("direct:mapiq-token", e -> { }).getProperty("mapiqToken", String.class);
        v2 = SimulatedCamel.start(sim.simulator(), migratedCleanup());
        v2.context.getPropertiesComponent().setOverrideProperties(properties("v2"));
        v2.loadRoutes(V2 + "registrations-sync.camel.yaml", V2 + "checkin-bridge.xml", V2 + "parking-export.camel.yaml");
        // the timer and polling routes read today's bookings as they start: wait for those reads, so that no test's
        // own bookings (the clean-up test adds and deletes two) can reach them on a slow machine
        firstBody(v1, "v1-facility");
        firstBody(v2, "v2-facility");
        int polled = records(firstBody(v2, "poll-all")).size();
        await().atMost(Duration.ofMinutes(1)).until(() -> mock(v2, "poll-each").getReceivedCounter() >= polled);
    }

    @AfterAll
    static void stop() {
        v1.close();
        v2.close();
    }

    /** A Seattle desk and parking spot booked today at 23:30 local time (07:30 or 06:30 UTC tomorrow) by a user without a plate. */
    private static void addSeattleBookingsNearMidnight(SimulatorControl control) {
        String seattle = id(control.add("buildings", Map.of("name", "Seattle HQ", "timeZone", "America/Los_Angeles",
                "floors", List.of(Map.of("id", "sea-f1", "name", "Ground", "number", 0)))));
        Map<String, Object> user = new LinkedHashMap<>(Map.of("email", "nora@example.com", "firstName", "Nora",
                "lastName", "Plate", "externalId", "E-77"));
        user.put("licensePlate", null);
        plateless = id(control.add("users", user));
        // Seattle's offset on the day: -08:00 in winter, -07:00 from March to November
        ZonedDateTime lateEvening = TODAY.atTime(23, 30).atZone(ZoneId.of("America/Los_Angeles"));
        String start = lateEvening.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String end = lateEvening.plusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        nearMidnight = id(control.add("workspace-reservations", Map.of("userId", plateless, "startTime", start,
                "endTime", end, "nodeId", "sea-f1", "floorId", "sea-f1", "floorNumber", 0, "buildingId", seattle,
                "costCenter", "CC-7")));
        String lot = id(control.add("parking-lots", Map.of("name", "Seattle garage", "capacity", 10,
                "buildingIds", List.of(seattle))));
        control.add("parking-reservations", Map.of("userId", plateless, "startTime", start, "endTime", end,
                "parkingLotId", lot));
    }

    private static String id(Map<String, Object> record) {
        return record.get("id").toString();
    }

    private static Properties properties(String prefix) {
        Properties p = new Properties();
        p.put("mapiq.apiKey", MapiqSimulator.V1_API_KEY);
        p.put("mapiq.v1.clientId", MapiqSimulator.V1_CLIENT_ID);
        p.put("mapiq.v1.username", MapiqSimulator.V1_USERNAME);
        p.put("mapiq.v1.password", MapiqSimulator.V1_PASSWORD);
        p.put("facility.endpoint", "mock:" + prefix + "-facility");
        p.put("gate.ack", "mock:" + prefix + "-gate");
        p.put("gate.cameras", "mock:" + prefix + "-cameras");
        return p;
    }

    /** The customer's v1 cleanup route ({@code v1/RegistrationCleanupRoute.java}) with the host set to the simulator. */
    private static RouteBuilder customerRoutesOnV1() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancellations").setHeader("mapiq-api-key", constant(MapiqSimulator.V1_API_KEY))
                        .setHeader("Authorization", simple("Bearer ${exchangeProperty.mapiqToken}"))
                        .setHeader("CamelHttpMethod", constant("DELETE"))
                        .toD(sim.simulator().baseUrl() + "/shifts/registrations?id=${body}").to("mock:v1-hr");
            }
        };
    }

    /** The cleanup route as the scanner tells to rewrite it, and the polling form of the registrations sync. */
    private static RouteBuilder migratedCleanup() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancellations").to("mapiq:workspace-reservations?operation=delete").to("mock:v2-hr");
                from("mapiq:workspace-reservations?startDate=today&outputFormat=v1&splitResult=false&delay=600000")
                        .to("mock:poll-all");
                from("mapiq:workspace-reservations?startDate=today&outputFormat=v1&delay=600000").to("mock:poll-each");
            }
        };
    }

    private static MockEndpoint mock(SimulatedCamel camel, String name) {
        return camel.context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    private static Object firstBody(SimulatedCamel camel, String mock) {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(mock(camel, mock).getReceivedCounter()).isPositive());
        return mock(camel, mock).getReceivedExchanges().get(0).getMessage().getBody();
    }

    private static List<JsonNode> records(Object json) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        MapiqJson.mapper().readTree(v1Text(json)).forEach(out::add);
        return out;
    }

    private static String v1Text(Object body) {
        return body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : v1.context.getTypeConverter().convertTo(String.class, body);
    }

    @Test
    void timerRouteFeedsTheFacilityTheSameArrayWithSeattleDatesInSeattle() throws Exception {
        List<JsonNode> before = records(firstBody(v1, "v1-facility"));
        Object after = firstBody(v2, "v2-facility");

        assertThat(after).isInstanceOf(String.class);
        assertThat(records(after)).isEqualTo(before);
        JsonNode seattle = records(after).stream().filter(r -> r.get("id").asText().equals(nearMidnight)).findFirst()
                .orElseThrow();
        assertThat(seattle.get("date").asText()).isEqualTo(TODAY.toString());
        assertThat(seattle.get("costCenter").asText()).isEqualTo("CC-7");
    }

    @Test
    void pollingConsumersGiveTheV1ArrayOrItsRecordsOneByOne() throws Exception {
        List<JsonNode> before = records(firstBody(v1, "v1-facility"));

        assertThat(records(firstBody(v2, "poll-all"))).isEqualTo(before);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(mock(v2, "poll-each").getReceivedCounter()).isEqualTo(before.size()));
        List<JsonNode> each = new ArrayList<>();
        for (Exchange e : mock(v2, "poll-each").getReceivedExchanges()) {
            each.add(MapiqJson.mapper().readTree(e.getMessage().getBody(String.class)));
        }
        assertThat(each).containsExactlyInAnyOrderElementsOf(before);
    }

    @Test
    void parkingExportGivesTheCamerasTheSameReservationsAlsoWithoutALicencePlate() throws Exception {
        v1.template.request("direct:parking", e -> e.setProperty("mapiqToken", v1Token));
        v2.template.request("direct:parking", e -> { });

        List<JsonNode> after = records(firstBody(v2, "v2-cameras"));
        assertThat(after).isEqualTo(records(firstBody(v1, "v1-cameras")));
        assertThat(after).filteredOn(r -> r.get("userId").asText().equals(plateless)).singleElement()
                .satisfies(r -> assertThat(r.get("licensePlate").isNull()).isTrue())
                .satisfies(r -> assertThat(r.get("date").asText()).isEqualTo(TODAY.toString()));
    }

    @Test
    void checkinBridgeAcknowledgesWithTheSameJson() throws Exception {
        sim.simulator().control().setCheckinThrottle(Duration.ZERO);
        String user = sim.simulator().control().list("users").get(0).get("id").toString();
        String building = sim.simulator().control().list("buildings").get(0).get("id").toString();
        String badge = "{\"userId\":\"" + user + "\",\"buildingId\":\"" + building
                       + "\",\"eventType\":\"AtTheOffice\",\"source\":\"AccessGate\"}";

        v1.template.request("direct:badge", e -> {
            e.setProperty("mapiqToken", v1Token);
            e.getMessage().setBody(badge);
        });
        v2.template.requestBody("direct:badge", badge);

        ObjectNode before = (ObjectNode) MapiqJson.mapper().readTree(v1Text(firstBody(v1, "v1-gate")));
        Object after = firstBody(v2, "v2-gate");
        assertThat(after).isInstanceOf(String.class);
        ObjectNode afterJson = (ObjectNode) MapiqJson.mapper().readTree((String) after);
        assertThat(afterJson.properties()).extracting(Map.Entry::getKey)
                .containsExactlyElementsOf(before.properties().stream().map(Map.Entry::getKey).toList());
        for (String field : List.of("id", "timestamp")) { // each post stores a new event
            before.remove(field);
            afterJson.remove(field);
        }
        assertThat(afterJson).isEqualTo(before);
    }

    @Test
    void cleanupDeletesByBodyIdAndLeavesTheIdAsBodyWhereV1LeftNone() throws Exception {
        String first = id(sim.simulator().control().add("workspace-reservations", Map.of("userId", plateless,
                "startTime", TODAY + "T09:00:00Z", "endTime", TODAY + "T10:00:00Z", "nodeId", "n-1")));
        String second = id(sim.simulator().control().add("workspace-reservations", Map.of("userId", plateless,
                "startTime", TODAY + "T11:00:00Z", "endTime", TODAY + "T12:00:00Z", "nodeId", "n-1")));

        v1.template.request("direct:cancellations", e -> {
            e.setProperty("mapiqToken", v1Token);
            e.getMessage().setBody(first);
        });
        v2.template.requestBody("direct:cancellations", second);

        assertThat(sim.simulator().control().deletedReservationIds()).contains(first, second);
        assertThat(firstBody(v1, "v1-hr")).isNull();
        assertThat(firstBody(v2, "v2-hr")).isEqualTo(second);
        Exchange againV1 = v1.template.request("direct:cancellations", e -> {
            e.setProperty("mapiqToken", v1Token);
            e.getMessage().setBody(first);
        });
        Exchange againV2 = v2.template.request("direct:cancellations", e -> e.getMessage().setBody(second));
        assertThat(againV1.getException()).isInstanceOf(HttpOperationFailedException.class);
        assertThat(againV2.getException()).isInstanceOf(MapiqApiException.class).hasMessageContaining("ignoreNotFound=true");
        assertThat(againV2.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(second);
    }
}
