package io.github.camelmapiq.routes;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The Kamelets of kamelets/, loaded from disk by the {@code kamelet:} component as Camel K, Karavan and Kaoto run them,
 * with the mapiq component left unconfigured: every call the simulator sees was configured by Kamelet parameters only.
 */
@ExtendWith(MapiqSimulatorExtension.class)
class KameletsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @SimulatorInstance
    static MapiqSimulator simulator;

    @BeforeAll
    static void noThrottle() {
        simulator.control().setCheckinThrottle(Duration.ZERO);
    }

    // ------------------------------------------------------------------------------------------------ mapiq-source

    @Test
    void sourceSendsEveryRecordAsJsonWithOnlyItsOwnParameters() throws Exception {
        int users = simulator.control().count("users");
        try (RouteFiles routes = start(Map.of(), kamelet("mapiq-source", "resource=users"), "mock:users")) {
            MockEndpoint mock = mock(routes, "mock:users");
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= users);
            Exchange first = mock.getExchanges().get(0);
            JsonNode user = JSON.readTree(first.getMessage().getBody(String.class));
            assertThat(user.path("email").asText()).contains("@");
            assertThat(first.getMessage().getHeader("Content-Type")).isEqualTo("application/json");
            assertThat(first.getMessage().getHeader("CamelMapiqRecordId")).isEqualTo(user.path("id").asText());
            // CloudEvents headers, as Apache's source Kamelets set them
            assertThat(first.getMessage().getHeader("ce-type")).isEqualTo("io.github.camelmapiq.event.mapiq.users");
            assertThat(first.getMessage().getHeader("ce-source")).isEqualTo("mapiq.users");
            assertThat(first.getMessage().getHeader("ce-subject")).isEqualTo(user.path("id").asText());
            assertThat(mock.getExchanges()).extracting(e -> e.getMessage().getHeader("ce-id", String.class))
                    .as("one ce-id per message").doesNotContainNull().doesNotHaveDuplicates();
            assertThat(mapiqEndpointUri(routes))
                    .as("optional parameters left out do not become empty options")
                    .doesNotContain("startDate", "userId", "status", "stateRepository", "=&").doesNotEndWith("=");
        }
    }

    @Test
    void sourceWithChangesOnlySendsNothingNewUntilARecordIsAdded() throws Exception {
        int users = simulator.control().count("users");
        try (RouteFiles routes = start(Map.of(),
                kamelet("mapiq-source", "resource=users&changesOnly=true&delay=100"), "mock:changes")) {
            MockEndpoint mock = mock(routes, "mock:changes");
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= users);
            long polls = simulator.control().calls("GET", "/v2/users");
            await().atMost(Duration.ofMinutes(1)).until(() -> simulator.control().calls("GET", "/v2/users") >= polls + 2);
            assertThat(mock.getReceivedCounter()).as("later polls of an unchanged list").isEqualTo(users);

            Map<String, Object> added = simulator.control().add("users", newUser());
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() == users + 1);
            Exchange change = mock.getExchanges().get(users);
            assertThat(change.getMessage().getHeader("CamelMapiqChangeType")).hasToString("CREATED");
            assertThat(change.getMessage().getHeader("CamelMapiqRecordId")).isEqualTo(added.get("id"));
            assertThat(change.getMessage().getHeader("ce-subject")).isEqualTo(added.get("id"));
            assertThat(change.getMessage().getHeader("ce-type")).isEqualTo("io.github.camelmapiq.event.mapiq.users");
            assertThat(change.getMessage().getHeader("ce-id"))
                    .isNotEqualTo(mock.getExchanges().get(0).getMessage().getHeader("ce-id"));
        }
    }

    @Test
    void sourceSendsOnlyWorkdaysOfItsWindowThatMatchEveryFilter() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String user = id(SimulatorData.firstUser(simulator));
        List<Map<String, Object>> buildings = simulator.control().list("buildings");
        String building = id(buildings.get(0));
        Set<String> inside = Set.of(
                id(workday(user, building, today, "Office")),
                id(workday(user, building, today.plusDays(1), "Office")));
        Set<String> outside = Set.of(
                id(workday(user, building, today.plusDays(3), "Office")),
                id(workday(user, building, today, "Remote")),
                id(workday(user, id(buildings.get(1)), today, "Office")));
        Set<String> expected = ids(SimulatorApi.v2List(simulator, "/v2/workdays", "startDate=" + today + "&endDate="
                + today.plusDays(1) + "&userId=" + user + "&buildingId=" + building + "&status=Office"));

        try (RouteFiles routes = start(Map.of(), kamelet("mapiq-source", "resource=workdays&startDate=today"
                + "&endDate=today+1d&timeZone=UTC&userId=" + user + "&buildingId=" + building + "&status=Office"),
                "mock:workdays")) {
            MockEndpoint mock = mock(routes, "mock:workdays");
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= expected.size());
            Set<String> received = receivedIds(mock);
            assertThat(received).containsAll(inside).doesNotContainAnyElementsOf(outside).isEqualTo(expected);
        }
    }

    @Test
    void sourceEvaluatesTodayInTheTimeZoneItIsGiven() throws Exception {
        // At any instant one of these two zones is on another date than UTC
        LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
        ZoneId zone = ZoneId.of(LocalDate.now(ZoneId.of("Pacific/Kiritimati")).equals(utcToday)
                ? "Pacific/Pago_Pago" : "Pacific/Kiritimati");
        LocalDate zoneToday = LocalDate.now(zone);
        String user = id(simulator.control().add("users", newUser()));
        String building = id(SimulatorData.firstBuilding(simulator));
        String inZone = id(workday(user, building, zoneToday, "Office"));
        workday(user, building, utcToday, "Office");

        try (RouteFiles routes = start(Map.of(), kamelet("mapiq-source",
                "resource=workdays&startDate=today&timeZone=" + zone + "&userId=" + user), "mock:zone")) {
            MockEndpoint mock = mock(routes, "mock:zone");
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= 1);
            assertThat(receivedIds(mock)).containsExactly(inZone);
        }
    }

    @Test
    void sourceSendsOnlyParkingReservationsOfItsParkingLot() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Map<String, Object>> lots = simulator.control().list("parking-lots");
        String user = id(simulator.control().add("users", newUser()));
        String mine = id(parkingReservation(user, id(lots.get(0)), today));
        parkingReservation(user, id(lots.get(1)), today);

        try (RouteFiles routes = start(Map.of(), kamelet("mapiq-source", "resource=parking-reservations"
                + "&startDate=today&timeZone=UTC&userId=" + user + "&parkingLotId=" + id(lots.get(0))), "mock:parking")) {
            MockEndpoint mock = mock(routes, "mock:parking");
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= 1);
            assertThat(receivedIds(mock)).containsExactly(mine);
        }
    }

    @Test
    void sourceKeepsWhatItHasSeenInTheStateRepositoryBeanItNames() throws Exception {
        Set<String> storedKeys = ConcurrentHashMap.newKeySet();
        try (RouteFiles routes = RouteFiles.startAsCamelK(Map.of(), null)) {
            routes.context().getRegistry().bind("mapiqState", new MemoryStateRepository() {
                @Override
                public void setState(String key, String value) {
                    storedKeys.add(key);
                    super.setState(key, value);
                }
            });
            routes.context().addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(kamelet("mapiq-source", "resource=buildings&changesOnly=true&stateRepository=#mapiqState"))
                            .to("mock:buildings");
                }
            });
            MockEndpoint mock = mock(routes, "mock:buildings");
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= 1);
            await().atMost(Duration.ofMinutes(1)).until(() -> !storedKeys.isEmpty());
        }
    }

    @Test
    void credentialsGivenAsKameletPropertiesMayHoldUriReservedCharacters() throws Exception {
        String secret = "s3+cr&t%20=x/y#z";
        simulator.control().registerClient("kamelet+client", secret, Set.of("spaces.read"));
        try (RouteFiles routes = start(Map.of(
                "camel.kamelet.mapiq-source.clientId", "kamelet+client",
                "camel.kamelet.mapiq-source.clientSecret", secret,
                "camel.kamelet.mapiq-source.baseUrl", simulator.baseUrl(),
                "camel.kamelet.mapiq-source.tokenUrl", simulator.tokenUrl()),
                "kamelet:mapiq-source?resource=buildings", "mock:buildings")) {
            MockEndpoint mock = mock(routes, "mock:buildings");
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= 1);
            assertThat(routes.context().getEndpoints()).extracting(Endpoint::getEndpointUri)
                    .noneMatch(uri -> uri.contains("s3+cr") || uri.contains("s3%2Bcr"));
        }
    }

    // ------------------------------------------------------------------------------------------------ check-in sink

    @Test
    void checkinSinkPostsTheEventAndAnswersTheStoredOne() throws Exception {
        String user = id(simulator.control().add("users", newUser()));
        Object building = SimulatorData.firstBuilding(simulator).get("id");
        int before = simulator.control().postedCheckins().size();
        try (RouteFiles routes = start(Map.of(), "direct:gate", kamelet("mapiq-checkin-sink", ""))) {
            String stored = routes.context().createProducerTemplate().requestBody("direct:gate",
                    "{\"userId\":\"" + user + "\",\"buildingId\":\"" + building + "\",\"eventType\":\"AtTheOffice\","
                                                                                 + "\"source\":\"AccessGate\",\"timestamp\":\""
                                                                                 + Instant.now() + "\"}",
                    String.class);
            assertThat(JSON.readTree(stored).path("userId").asText()).isEqualTo(user);
            assertThat(JSON.readTree(stored).path("id").asText()).isNotBlank();
            List<Map<String, Object>> posted = simulator.control().postedCheckins();
            assertThat(posted).hasSize(before + 1);
            assertThat(posted.get(before)).containsEntry("userId", user).containsEntry("source", "AccessGate");
        }
    }

    @Test
    void checkinSinkFillsFieldsTheEventLacksFromHeadersThenFromItsParameters() throws Exception {
        List<Map<String, Object>> buildings = simulator.control().list("buildings");
        String defaultBuilding = id(buildings.get(0));
        String userA = id(simulator.control().add("users", newUser()));
        String userB = id(simulator.control().add("users", newUser()));
        try (RouteFiles routes = start(Map.of(), "direct:gate", kamelet("mapiq-checkin-sink",
                "buildingId=" + defaultBuilding + "&eventType=AtTheOffice&source=AccessGate"))) {
            ProducerTemplate template = routes.context().createProducerTemplate();
            template.requestBodyAndHeader("direct:gate", "{\"userId\":\"" + userA + "\"}", "CamelMapiqSource", "Wifi");
            template.requestBody("direct:gate", "{\"userId\":\"" + userB + "\",\"buildingId\":\"" + id(buildings.get(1))
                                                + "\",\"eventType\":\"NotAtTheOffice\",\"source\":\"Sensor\"}");
        }
        assertThat(postedBy(userA)).containsEntry("buildingId", defaultBuilding).containsEntry("eventType", "AtTheOffice")
                .as("a header wins over the parameter").containsEntry("source", "Wifi");
        assertThat(postedBy(userB)).as("the body wins over the parameters").containsEntry("buildingId", id(buildings.get(1)))
                .containsEntry("eventType", "NotAtTheOffice").containsEntry("source", "Sensor");
    }

    @Test
    void checkinSinkWithoutDefaultsRefusesAnIncompleteEventNamingTheField() throws Exception {
        String user = id(simulator.control().add("users", newUser()));
        int before = simulator.control().postedCheckins().size();
        try (RouteFiles routes = start(Map.of(), "direct:gate", kamelet("mapiq-checkin-sink", ""))) {
            assertThatThrownBy(() -> routes.context().createProducerTemplate().requestBody("direct:gate",
                    "{\"userId\":\"" + user + "\",\"eventType\":\"AtTheOffice\",\"source\":\"Wifi\"}"))
                    .isInstanceOf(CamelExecutionException.class)
                    .rootCause().hasMessageContaining("'buildingId' is missing").hasMessageContaining("CamelMapiqBuildingId");
        }
        assertThat(simulator.control().postedCheckins()).hasSize(before);
    }

    @Test
    void checkinSinkWithCoalescingPostsARepeatedEventOnce() throws Exception {
        String user = id(simulator.control().add("users", newUser()));
        String event = "{\"userId\":\"" + user + "\",\"buildingId\":\"" + id(SimulatorData.firstBuilding(simulator))
                       + "\",\"eventType\":\"AtTheOffice\",\"source\":\"Wifi\"}";
        try (RouteFiles routes = start(Map.of(), "direct:gate", kamelet("mapiq-checkin-sink", "coalesceCheckins=true"))) {
            ProducerTemplate template = routes.context().createProducerTemplate();
            Exchange first = template.request("direct:gate", e -> e.getMessage().setBody(event));
            Exchange repeat = template.request("direct:gate", e -> e.getMessage().setBody(event));
            assertThat(first.getMessage().getHeader("CamelMapiqCoalesced")).isEqualTo(false);
            assertThat(repeat.getMessage().getHeader("CamelMapiqCoalesced")).isEqualTo(true);
        }
        assertThat(simulator.control().postedCheckins()).filteredOn(c -> user.equals(c.get("userId"))).hasSize(1);
    }

    // ------------------------------------------------------------------------------------------------ occupancy sink

    @Test
    void occupancySinkIngestsEveryReadingInChunksOfTheGivenSize() throws Exception {
        int before = simulator.control().ingestedReadings().size();
        long posts = simulator.control().calls("POST", "/v2/occupancy");
        try (RouteFiles routes = start(Map.of(), "direct:sensors", kamelet("mapiq-occupancy-sink", "chunkSize=2"))) {
            String now = Instant.now().toString();
            Exchange answer = routes.context().createProducerTemplate().request("direct:sensors", e -> e.getMessage().setBody(
                    "[{\"spaceId\":\"a\",\"timestamp\":\"" + now + "\",\"occupancy\":1},"
                    + "{\"spaceId\":\"b\",\"timestamp\":\"" + now + "\",\"occupancy\":0},"
                    + "{\"spaceId\":\"c\",\"timestamp\":\"" + now + "\",\"occupancy\":3}]"));
            assertThat(answer.getException()).isNull();
            assertThat(answer.getMessage().getHeader("CamelMapiqRecordCount", Integer.class)).isEqualTo(3);
        }
        assertThat(simulator.control().ingestedReadings()).hasSize(before + 3);
        assertThat(simulator.control().calls("POST", "/v2/occupancy")).isEqualTo(posts + 2);
    }

    // ------------------------------------------------------------------------------------------------ delete sink

    @Test
    void deleteSinkDeletesTheReservationTheBodyNames() throws Exception {
        String reservation = id(SimulatorData.deskReservation(simulator, LocalDate.now(ZoneOffset.UTC)));
        try (RouteFiles routes = start(Map.of(), "direct:cancel", kamelet("mapiq-reservation-delete-sink", ""))) {
            routes.context().createProducerTemplate().requestBody("direct:cancel", "{\"id\":\"" + reservation + "\"}");
            assertThatThrownBy(() -> routes.context().createProducerTemplate().requestBody("direct:cancel", reservation))
                    .as("a second delete of the same reservation").isInstanceOf(CamelExecutionException.class).cause()
                    .hasMessageContaining(reservation).hasMessageContaining("ignoreNotFound=true");
        }
        assertThat(simulator.control().deletedReservationIds()).containsOnlyOnce(reservation);
        assertThat(simulator.control().get("workspace-reservations", reservation)).isEmpty();
    }

    @Test
    void deleteSinkIgnoringNotFoundTreatsAnUnknownReservationAsDeleted() throws Exception {
        try (RouteFiles routes = start(Map.of(), "direct:cancel",
                kamelet("mapiq-reservation-delete-sink", "ignoreNotFound=true"))) {
            Exchange answer = routes.context().createProducerTemplate().request("direct:cancel",
                    e -> e.getMessage().setHeader("CamelMapiqRecordId", UUID.randomUUID().toString()));
            assertThat(answer.getException()).isNull();
            assertThat(answer.getMessage().getHeader("CamelMapiqAlreadyDeleted")).isEqualTo(true);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A Kamelet URI with the simulator's URLs and the demo credentials as its parameters. */
    private static String kamelet(String name, String parameters) {
        return "kamelet:" + name + "?clientId=" + MapiqSimulator.DEMO_CLIENT_ID + "&clientSecret="
               + MapiqSimulator.DEMO_CLIENT_SECRET + "&baseUrl=" + simulator.baseUrl() + "&tokenUrl=" + simulator.tokenUrl()
               + (parameters.isEmpty() ? "" : "&" + parameters);
    }

    /** Camel Main with the Kamelets folder and one route {@code from -> to}, as a Camel K integration would be. */
    private static RouteFiles start(Map<String, String> properties, String from, String to) throws Exception {
        RouteFiles routes = RouteFiles.startAsCamelK(properties, null);
        routes.context().addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(to);
            }
        });
        return routes;
    }

    private static MockEndpoint mock(RouteFiles routes, String uri) {
        return routes.context().getEndpoint(uri, MockEndpoint.class);
    }

    private static String mapiqEndpointUri(RouteFiles routes) {
        return routes.context().getEndpoints().stream().map(Endpoint::getEndpointUri)
                .filter(uri -> uri.startsWith("mapiq:")).findFirst().orElseThrow();
    }

    private static Set<String> receivedIds(MockEndpoint mock) {
        return mock.getExchanges().stream().map(e -> e.getMessage().getHeader("CamelMapiqRecordId", String.class))
                .collect(java.util.stream.Collectors.toSet());
    }

    private static Set<String> ids(List<JsonNode> records) {
        return records.stream().map(r -> r.path("id").asText()).collect(java.util.stream.Collectors.toSet());
    }

    private static Map<String, Object> postedBy(String user) {
        return simulator.control().postedCheckins().stream().filter(c -> user.equals(c.get("userId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no check-in posted for " + user));
    }

    private static String id(Map<String, Object> record) {
        return String.valueOf(record.get("id"));
    }

    private static Map<String, Object> newUser() {
        String name = "kamelet-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("email", name + "@example.com");
        user.put("firstName", "Kamelet");
        user.put("lastName", name);
        return user;
    }

    private static Map<String, Object> workday(String user, String building, LocalDate date, String status) {
        Map<String, Object> workday = new LinkedHashMap<>();
        workday.put("userId", user);
        workday.put("date", date.toString());
        workday.put("startTime", date + "T09:00:00Z");
        workday.put("endTime", date + "T17:00:00Z");
        workday.put("status", status);
        workday.put("buildingId", building);
        return simulator.control().add("workdays", workday);
    }

    private static Map<String, Object> parkingReservation(String user, String lot, LocalDate date) {
        Map<String, Object> reservation = new LinkedHashMap<>();
        reservation.put("userId", user);
        reservation.put("parkingLotId", lot);
        reservation.put("startTime", date + "T08:00:00Z");
        reservation.put("endTime", date + "T18:00:00Z");
        return simulator.control().add("parking-reservations", reservation);
    }
}
