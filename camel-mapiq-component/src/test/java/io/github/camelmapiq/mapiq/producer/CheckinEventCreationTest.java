package io.github.camelmapiq.mapiq.producer;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.model.CheckinEvent;
import io.github.camelmapiq.mapiq.client.model.CheckinEventType;
import io.github.camelmapiq.mapiq.client.model.CheckinSource;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mapiq:checkin-events} posts validated events: from a model object, a Map or JSON, with headers filling what the
 * body lacks; invalid events are refused before anything is sent.
 */
class CheckinEventCreationTest {

    private static final String PATH = "/v2/user-locations/checkin-events";

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(20).checkinThrottle(java.time.Duration.ZERO)
            .build();

    private static SimulatedCamel camel;
    private static List<String> users;
    private static String building;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
        users = sim.control().list("users").stream().map(u -> (String) u.get("id")).toList();
        building = (String) sim.control().list("buildings").get(0).get("id");
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @BeforeEach
    void resetCounters() {
        sim.control().resetCounters();
    }

    @Test
    void aModelObjectIsPostedAndTheStoredEventAnswered() {
        CheckinEvent event = new CheckinEvent();
        event.setUserId(users.get(0));
        event.setBuildingId(building);
        event.setEventType(CheckinEventType.AT_THE_OFFICE);
        event.setSource(CheckinSource.ACCESS_GATE);

        Exchange exchange = camel.send("mapiq:checkin-events", event);

        assertThat(exchange.getException()).isNull();
        CheckinEvent stored = exchange.getMessage().getBody(CheckinEvent.class);
        assertThat(stored.getId()).isNotBlank();
        assertThat(stored.getTimestamp()).isNotNull();
        assertThat(exchange.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(stored.getId());
        assertThat(exchange.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(201);
        assertThat(sim.control().postedCheckins()).singleElement().satisfies(posted -> {
            assertThat(posted).containsEntry("id", stored.getId()).containsEntry("userId", users.get(0))
                    .containsEntry("eventType", "AtTheOffice").containsEntry("source", "AccessGate");
        });
    }

    @Test
    void headersFillTheFieldsTheBodyLacksButTheBodyWins() {
        Exchange exchange = camel.send("mapiq:checkin-events?operation=create&outputFormat=map",
                Map.of("userId", users.get(1), "eventType", "NotAtTheOffice"),
                Map.of(MapiqConstants.USER_ID, users.get(2), MapiqConstants.BUILDING_ID, building,
                        MapiqConstants.EVENT_TYPE, "AtTheOffice", MapiqConstants.SOURCE, "wifi"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Map.class)).containsEntry("userId", users.get(1))
                .containsEntry("buildingId", building).containsEntry("eventType", "NotAtTheOffice")
                .containsEntry("source", "Wifi");
    }

    @Test
    void jsonTextIsPostedAndAnsweredAsJson() {
        String json = "{\"userId\":\"" + users.get(3) + "\",\"buildingId\":\"" + building
                      + "\",\"eventType\":\"AtTheOffice\",\"source\":\"Sensor\",\"timestamp\":\"2026-03-02T08:15:00Z\"}";

        Exchange exchange = camel.send("mapiq:checkin-events?outputFormat=json", json.getBytes());

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(String.class)).contains("\"source\":\"Sensor\"")
                .contains("\"timestamp\":\"2026-03-02T08:15:00Z\"");
        assertThat(sim.control().postedCheckins()).hasSize(1);
    }

    @Test
    void aMissingFieldFailsNamingItAndNothingIsSent() {
        Exchange exchange = camel.send("mapiq:checkin-events",
                Map.of("userId", users.get(4), "eventType", "AtTheOffice", "source", "Wifi"));

        assertThat(exchange.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Check-in event field 'buildingId' is missing: set it in the body or in header "
                            + "CamelMapiqBuildingId");
        assertThat(sim.control().calls("POST", PATH)).isZero();
    }

    @Test
    void anUnknownEventTypeOrSourceFailsListingTheAllowedValuesAndNothingIsSent() {
        Exchange badType = camel.send("mapiq:checkin-events",
                Map.of("userId", users.get(4), "buildingId", building, "eventType", "Lunch", "source", "Wifi"));
        Exchange badSource = camel.send("mapiq:checkin-events",
                Map.of("userId", users.get(4), "buildingId", building, "eventType", "AtTheOffice", "source", "Bluetooth"));

        assertThat(badType.getException()).hasMessage(
                "Check-in event field 'eventType' has unknown value 'Lunch' (body or header CamelMapiqEventType); "
                                                      + "allowed values: AtTheOffice, NotAtTheOffice");
        assertThat(badSource.getException()).hasMessage(
                "Check-in event field 'source' has unknown value 'Bluetooth' (body or header CamelMapiqSource); "
                                                        + "allowed values: Wifi, AccessGate, Sensor");
        assertThat(sim.control().calls("POST", PATH)).isZero();
    }

    @Test
    void aClientWithoutTheWritePermissionGets403() throws Exception {
        try (SimulatedCamel readonly = SimulatedCamel.start(sim.simulator(), MapiqSimulator.READONLY_CLIENT_ID,
                MapiqSimulator.READONLY_CLIENT_SECRET)) {
            Exchange exchange = readonly.send("mapiq:checkin-events",
                    Map.of("userId", users.get(5), "buildingId", building, "eventType", "AtTheOffice", "source", "Wifi"));

            assertThat(exchange.getException()).isInstanceOf(MapiqApiException.class);
            assertThat(((MapiqApiException) exchange.getException()).getStatus()).isEqualTo(403);
            assertThat(exchange.getException().getMessage()).contains("POST " + PATH).contains("403");
            assertThat(sim.control().postedCheckins()).isEmpty();
        }
    }
}
