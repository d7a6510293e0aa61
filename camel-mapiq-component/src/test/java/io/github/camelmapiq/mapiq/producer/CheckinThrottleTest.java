package io.github.camelmapiq.mapiq.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.model.CheckinEvent;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mapiq refuses a second check-in event for one user within its window (429 with Retry-After): the component waits and
 * retries, or with {@code coalesceCheckins=true} answers a repeat without sending it; a real change is never dropped.
 */
class CheckinThrottleTest {

    private static final String PATH = "/v2/user-locations/checkin-events";

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(20).checkinThrottle(Duration.ofSeconds(1))
            .build();

    private static SimulatedCamel camel;
    private static List<String> users;
    private static String building;
    private static String otherBuilding;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
        users = sim.control().list("users").stream().map(u -> (String) u.get("id")).toList();
        building = (String) sim.control().list("buildings").get(0).get("id");
        otherBuilding = (String) sim.control().list("buildings").get(1).get("id");
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @AfterEach
    void restoreThrottle() {
        sim.control().setCheckinThrottle(Duration.ofSeconds(1));
        sim.control().resetCounters();
    }

    private static Map<String, Object> event(String user, String building, String type) {
        return Map.of("userId", user, "buildingId", building, "eventType", type, "source", "Wifi");
    }

    @Test
    void aThrottledEventIsRetriedAfterRetryAfterAndStored() {
        String user = users.get(0);
        Exchange first = camel.send("mapiq:checkin-events", event(user, building, "AtTheOffice"));
        Exchange second = camel.send("mapiq:checkin-events", event(user, building, "NotAtTheOffice"));

        assertThat(first.getException()).isNull();
        assertThat(second.getException()).isNull();
        assertThat(sim.control().calls("POST", PATH, 429)).isEqualTo(1);
        assertThat(sim.control().postedCheckins()).extracting(e -> e.get("eventType"))
                .containsExactly("AtTheOffice", "NotAtTheOffice");
    }

    @Test
    void aRetryAfterLongerThanMaxRetryWaitFailsClearlyInsteadOfBlocking() {
        sim.control().setCheckinThrottle(Duration.ofSeconds(60));
        String user = users.get(1);
        camel.send("mapiq:checkin-events?maxRetryWait=500", event(user, building, "AtTheOffice"));
        Exchange second = camel.send("mapiq:checkin-events?maxRetryWait=500", event(user, building, "NotAtTheOffice"));

        assertThat(second.getException()).isInstanceOf(MapiqApiException.class)
                .hasMessageContaining("429").hasMessageContaining("maxRetryWait");
        assertThat(sim.control().postedCheckins()).hasSize(1);
    }

    @Test
    void aRepeatWithinTheWindowIsCoalescedIntoTheEarlierStoredEvent() {
        sim.control().setCheckinThrottle(Duration.ofSeconds(60));
        String user = users.get(2);
        String uri = "mapiq:checkin-events?coalesceCheckins=true&checkinThrottleWindow=60000";
        Exchange first = camel.send(uri, event(user, building, "AtTheOffice"));
        Exchange repeat = camel.send(uri, event(user, building, "AtTheOffice"));

        assertThat(repeat.getException()).isNull();
        assertThat(repeat.getMessage().getHeader(MapiqConstants.COALESCED)).isEqualTo(true);
        assertThat(first.getMessage().getHeader(MapiqConstants.COALESCED)).isEqualTo(false);
        assertThat(repeat.getMessage().getBody(CheckinEvent.class))
                .isEqualTo(first.getMessage().getBody(CheckinEvent.class));
        assertThat(repeat.getMessage().getHeader(MapiqConstants.RECORD_ID))
                .isEqualTo(first.getMessage().getHeader(MapiqConstants.RECORD_ID));
        assertThat(sim.control().calls("POST", PATH)).isEqualTo(1);
    }

    @Test
    void aDifferentTypeOrBuildingWithinTheWindowIsSentNotDropped() {
        String user = users.get(3);
        String uri = "mapiq:checkin-events?coalesceCheckins=true&checkinThrottleWindow=1000";
        camel.send(uri, event(user, building, "AtTheOffice"));
        Exchange otherType = camel.send(uri, event(user, building, "NotAtTheOffice"));
        Exchange otherBuildingEvent = camel.send(uri, event(user, otherBuilding, "NotAtTheOffice"));

        assertThat(otherType.getException()).isNull();
        assertThat(otherType.getMessage().getHeader(MapiqConstants.COALESCED)).isEqualTo(false);
        assertThat(otherBuildingEvent.getException()).isNull();
        assertThat(sim.control().postedCheckins()).extracting(e -> e.get("eventType"), e -> e.get("buildingId"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AtTheOffice", building),
                        org.assertj.core.groups.Tuple.tuple("NotAtTheOffice", building),
                        org.assertj.core.groups.Tuple.tuple("NotAtTheOffice", otherBuilding));
    }
}
