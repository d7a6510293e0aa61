package io.github.camelmapiq.mapiq;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelmapiq.mapiq.client.http.ClientSettings;
import io.github.camelmapiq.mapiq.client.http.MapiqClientFactory;
import io.github.camelmapiq.mapiq.client.http.MapiqEndpointStatistics;
import io.github.camelmapiq.mapiq.client.http.MapiqHttpClient;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's {@code clientFactory}, set on an endpoint or on the component, makes each endpoint's client: here one that
 * wraps the component's own factory and counts the clients it made. Records still arrive through it from the
 * simulator, and the calls are those of the component's shared clients.
 */
class UserClientFactoryWrapsTheComponentsTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(4).rateLimitPerSecond(0).build();

    private final DefaultCamelContext context = new DefaultCamelContext();
    private final MapiqComponent component = MapiqTestSupport.component(sim.simulator());

    /** Wraps the component's factory, counting the clients made and the settings they were made from. */
    static final class CountingFactory implements MapiqClientFactory {
        final AtomicInteger created = new AtomicInteger();
        final List<String> baseUrls = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final MapiqClientFactory wrapped;

        CountingFactory(MapiqClientFactory wrapped) {
            this.wrapped = wrapped;
        }

        @Override
        public MapiqHttpClient createClient(ClientSettings settings, MapiqEndpointStatistics statistics) {
            created.incrementAndGet();
            baseUrls.add(settings.baseUrl());
            return wrapped.createClient(settings, statistics);
        }
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    @Test
    void anEndpointUsesTheFactoryNamedInItsUri() throws Exception {
        CountingFactory factory = new CountingFactory(component.getClients());
        context.getRegistry().bind("countingFactory", factory);
        context.addComponent("mapiq", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:users").to("mapiq:users?operation=list&outputFormat=map&clientFactory=#countingFactory");
            }
        });
        context.start();

        List<?> users = context.createProducerTemplate().requestBody("direct:users", null, List.class);

        List<Object> expectedIds = sim.control().list("users").stream().map(u -> (Object) u.get("id")).toList();
        assertThat(users.stream().map(u -> (Object) ((Map<?, ?>) u).get("id")).toList())
                .hasSizeGreaterThan(3).containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(factory.created).hasValue(1);
        assertThat(factory.baseUrls).containsExactly(sim.simulator().baseUrl());
        assertThat(component.getClients().statistics().calls()).isPositive();
    }

    @Test
    void everyEndpointUsesTheFactorySetOnTheComponent() throws Exception {
        CountingFactory factory = new CountingFactory(component.getClients());
        component.getConfiguration().setClientFactory(factory);
        context.addComponent("mapiq", component);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:users").to("mapiq:users?operation=list&outputFormat=map");
                from("direct:buildings").to("mapiq:buildings?operation=list&outputFormat=map");
            }
        });
        context.start();

        List<?> users = context.createProducerTemplate().requestBody("direct:users", null, List.class);
        List<?> buildings = context.createProducerTemplate().requestBody("direct:buildings", null, List.class);

        assertThat(users).hasSameSizeAs(sim.control().list("users"));
        assertThat(buildings).hasSameSizeAs(sim.control().list("buildings"));
        assertThat(factory.created).hasValue(2);
    }
}
