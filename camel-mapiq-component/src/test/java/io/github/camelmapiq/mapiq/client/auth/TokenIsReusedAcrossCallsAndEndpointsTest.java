package io.github.camelmapiq.mapiq.client.auth;

import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqTestSupport;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One token serves every call of every endpoint with the same credentials, whatever their other options; another
 * credential set gets its own token.
 */
class TokenIsReusedAcrossCallsAndEndpointsTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

    @Test
    void endpointsSharingCredentialsShareOneToken() throws Exception {
        MapiqSimulator sim = extension.simulator();
        sim.control().resetCounters();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent("mapiq", MapiqTestSupport.component(sim));
            context.start();
            String[] uris = { "mapiq:users", "mapiq:buildings?pageSize=10", "mapiq:parking-lots?readTimeout=5s",
                              "mapiq:checkin-statuses?outputFormat=map" };
            for (int round = 0; round < 3; round++) {
                for (String uri : uris) {
                    MapiqEndpoint endpoint = context.getEndpoint(uri, MapiqEndpoint.class);
                    endpoint.getClient().list(endpoint.getConfiguration().resolvePath(endpoint.getResource()), Map.of(),
                            endpoint.getConfiguration().getPageSize(), r -> {
                            });
                }
            }
            assertThat(sim.control().tokenRequests()).isEqualTo(1);

            MapiqEndpoint readOnly = context.getEndpoint("mapiq:users?clientId=" + MapiqSimulator.READONLY_CLIENT_ID
                                                         + "&clientSecret=" + MapiqSimulator.READONLY_CLIENT_SECRET,
                    MapiqEndpoint.class);
            readOnly.getClient().list("/v2/users", Map.of(), 100, r -> {
            });
            readOnly.getClient().list("/v2/users", Map.of(), 100, r -> {
            });
            assertThat(sim.control().tokenRequests()).isEqualTo(2);
        }
    }
}
