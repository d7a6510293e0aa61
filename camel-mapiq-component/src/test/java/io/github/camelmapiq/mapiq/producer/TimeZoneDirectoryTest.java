package io.github.camelmapiq.mapiq.producer;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The zones {@code outputFormat=v1} dates reservations in: fetched once, and never a failure when refused. */
class TimeZoneDirectoryTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(5).build();

    @Test
    void buildingAndParkingLotZonesComeFromOneListingEach() throws Exception {
        Map<String, Object> building = sim.control().list("buildings").get(0);
        Map<String, Object> lot = sim.control().add("parking-lots",
                Map.of("name", "P-test", "capacity", 5, "buildingIds", List.of("unknown-building", building.get("id"))));
        try (SimulatedCamel camel = SimulatedCamel.start(sim.simulator())) {
            sim.control().resetCounters();
            TimeZoneDirectory zones = MapiqProducer.zoneDirectory(
                    camel.context.getEndpoint("mapiq:parking-reservations?outputFormat=v1", MapiqEndpoint.class));

            assertThat(zones.ofBuilding((String) building.get("id"))).isEqualTo(ZoneId.of((String) building.get("timeZone")));
            assertThat(zones.ofParkingLot((String) lot.get("id"))).isEqualTo(ZoneId.of((String) building.get("timeZone")));
            assertThat(zones.ofBuilding("no-such-building")).isNull();
            assertThat(sim.control().calls("GET", "/v2/spaces/buildings")).isEqualTo(1);
            assertThat(sim.control().calls("GET", "/v2/spaces/parking-lots")).isEqualTo(1);
        }
    }

    @Test
    void aClientWithoutSpacesPermissionGetsNoZonesInsteadOfAFailure() throws Exception {
        sim.control().registerClient("reservations-only", "secret-1", Set.of("reservations.read"));
        try (SimulatedCamel camel = SimulatedCamel.start(sim.simulator(), "reservations-only", "secret-1")) {
            TimeZoneDirectory zones = MapiqProducer.zoneDirectory(
                    camel.context.getEndpoint("mapiq:workspace-reservations?outputFormat=v1", MapiqEndpoint.class));

            assertThat(zones.ofBuilding((String) sim.control().list("buildings").get(0).get("id"))).isNull();
            assertThat(sim.control().calls("GET", "/v2/spaces/buildings", 403)).isEqualTo(1);
        }
    }

    @Test
    void anInterruptedListingKeepsTheInterruptAndIsTriedAgain() throws Exception {
        Map<String, Object> building = sim.control().list("buildings").get(0);
        try (SimulatedCamel camel = SimulatedCamel.start(sim.simulator())) {
            TimeZoneDirectory zones = MapiqProducer.zoneDirectory(camel.context.getEndpoint(
                    "mapiq:workspace-reservations?outputFormat=v1&retryInitialDelay=20s&maxRetryWait=1m",
                    MapiqEndpoint.class));
            sim.control().resetCounters();
            sim.control().injectFault(Fault.status(503).times(1).onPath("/v2/spaces/buildings"));
            AtomicBoolean interruptSeen = new AtomicBoolean();
            Thread lookup = new Thread(() -> {
                zones.ofBuilding((String) building.get("id"));
                interruptSeen.set(Thread.currentThread().isInterrupted());
            });
            lookup.start();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> sim.control().calls("GET", "/v2/spaces/buildings", 503) == 1);
            lookup.interrupt(); // during the 20 s wait before the retry
            lookup.join(10_000);

            assertThat(lookup.isAlive()).isFalse();
            assertThat(interruptSeen).as("the caller still sees its interrupt").isTrue();
            assertThat(zones.ofBuilding((String) building.get("id"))).as("listed again, not remembered as empty")
                    .isEqualTo(ZoneId.of((String) building.get("timeZone")));
            assertThat(sim.control().calls("GET", "/v2/spaces/buildings", 200)).isEqualTo(1);
        } finally {
            sim.control().clearFaults();
        }
    }
}
