package io.github.camelmapiq.mapiq;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@code httpClient} the user supplies (say with their own interceptors) carries the token and API calls, and
 * still works after the Camel context stopped: the component closes only the pools it created.
 */
class UserSuppliedHttpClientIsUsedAndNotClosedTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).build();

    @Test
    void userClientCarriesTheCallsAndOutlivesTheContext() throws Exception {
        MapiqSimulator sim = extension.simulator();
        AtomicInteger requests = new AtomicInteger();
        try (CloseableHttpClient userClient = HttpClients.custom()
                .addRequestInterceptorFirst((request, entity, ctx) -> requests.incrementAndGet()).build()) {
            DefaultCamelContext context = new DefaultCamelContext();
            context.getRegistry().bind("myHttpClient", userClient);
            context.addComponent("mapiq", MapiqTestSupport.component(sim));
            context.start();
            MapiqEndpoint endpoint = context.getEndpoint("mapiq:users?httpClient=#myHttpClient", MapiqEndpoint.class);

            long users = endpoint.getClient().list("/v2/users", Map.of(), 100, r -> {
            });
            context.stop();

            assertThat(users).isEqualTo(5);
            assertThat(requests).as("token request and list call").hasValue(2);
            int status = userClient.execute(new HttpGet(sim.baseUrl() + "/v2/users"), response -> response.getCode());
            assertThat(status).as("the user's client is still open").isEqualTo(401);
        }
    }
}
