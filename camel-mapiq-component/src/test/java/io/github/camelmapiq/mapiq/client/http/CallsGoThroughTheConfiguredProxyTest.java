package io.github.camelmapiq.mapiq.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.SimulatorClients;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code proxyHost}/{@code proxyPort} set, token and API calls go to the proxy, addressed to Mapiq's host. The
 * simulator plays the forward proxy here (it answers absolute-URI requests), and Mapiq's host name does not even
 * resolve: only calls sent through the proxy can succeed.
 */
class CallsGoThroughTheConfiguredProxyTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(12).build();

    @Test
    void tokenAndListCallsReachMapiqThroughTheProxy() throws Exception {
        MapiqSimulator sim = extension.simulator();
        sim.control().resetCounters();
        String unreachable = "http://api.mapiq.invalid";
        try (SimulatorClients clients = new SimulatorClients(sim)) {
            MapiqHttpClient client = clients.client(c -> {
                c.setBaseUrl(unreachable);
                c.setTokenUrl(unreachable + MapiqSimulator.TOKEN_PATH);
                c.setProxyHost("127.0.0.1");
                c.setProxyPort(sim.port());
                c.setAllowInsecureHttp(true); // the proxy is a plain HTTP simulator
            });
            List<String> ids = new ArrayList<>();

            client.list("/v2/users", Map.of(), 100, r -> ids.add(r.get("id").asText()));

            assertThat(ids).hasSize(12);
            assertThat(sim.control().tokenRequests()).isEqualTo(1);
            assertThat(sim.control().calls("GET", "/v2/users", 200)).isEqualTo(1);
        }
    }
}
