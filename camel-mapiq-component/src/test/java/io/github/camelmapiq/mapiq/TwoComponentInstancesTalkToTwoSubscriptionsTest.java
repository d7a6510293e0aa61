package io.github.camelmapiq.mapiq;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two component instances, {@code mapiq} and {@code mapiq-eu}, configured from application properties with
 * placeholders ({@code {{env:MAPIQ_CLIENT_SECRET}}} and {@code {{mapiq.eu.secret}}}), each read their own subscription
 * with their own credentials in one Camel context.
 */
class TwoComponentInstancesTalkToTwoSubscriptionsTest {

    @RegisterExtension
    static MapiqSimulatorExtension home = MapiqSimulatorExtension.builder().seed(1L).users(6).build();
    @RegisterExtension
    static MapiqSimulatorExtension eu = MapiqSimulatorExtension.builder().seed(2L).users(9).build();

    @Test
    void eachInstanceReadsItsOwnSubscription() throws Exception {
        MapiqSimulator homeSim = home.simulator();
        MapiqSimulator euSim = eu.simulator();
        euSim.control().registerClient("eu-client", "eu-secret", Set.of("users.read"));
        homeSim.control().resetCounters();
        euSim.control().resetCounters();

        Main main = new Main();
        main.bind("mapiq-eu", new MapiqComponent());
        main.addInitialProperty("camel.component.mapiq.base-url", homeSim.baseUrl());
        main.addInitialProperty("camel.component.mapiq.token-url", homeSim.tokenUrl());
        main.addInitialProperty("camel.component.mapiq.client-id", MapiqSimulator.DEMO_CLIENT_ID);
        main.addInitialProperty("camel.component.mapiq.client-secret", "{{env:MAPIQ_CLIENT_SECRET}}");
        main.addInitialProperty("camel.component.mapiq-eu.base-url", euSim.baseUrl());
        main.addInitialProperty("camel.component.mapiq-eu.token-url", euSim.tokenUrl());
        main.addInitialProperty("camel.component.mapiq-eu.client-id", "eu-client");
        main.addInitialProperty("camel.component.mapiq-eu.client-secret", "{{mapiq.eu.secret}}");
        main.addInitialProperty("mapiq.eu.secret", "eu-secret");
        main.start();
        try {
            CamelContext context = main.getCamelContext();

            List<String> homeUsers = listUsers(context.getEndpoint("mapiq:users", MapiqEndpoint.class));
            List<String> euUsers = listUsers(context.getEndpoint("mapiq-eu:users", MapiqEndpoint.class));

            assertThat(homeUsers).containsExactlyElementsOf(ids(homeSim));
            assertThat(euUsers).containsExactlyElementsOf(ids(euSim)).doesNotContainAnyElementsOf(homeUsers);
            assertThat(homeSim.control().tokenRequests()).isEqualTo(1);
            assertThat(euSim.control().tokenRequests()).isEqualTo(1);
        } finally {
            main.stop();
        }
    }

    private static List<String> listUsers(MapiqEndpoint endpoint) throws Exception {
        List<String> ids = new ArrayList<>();
        endpoint.getClient().list("/v2/users", Map.of(), 100, r -> ids.add(r.get("id").asText()));
        return ids;
    }

    private static List<String> ids(MapiqSimulator sim) {
        return sim.control().list("users").stream().map(u -> (String) u.get("id")).toList();
    }
}
