package io.github.camelmapiq.mapiq.client.http;

import java.util.List;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelmapiq.mapiq.MapiqTestSupport.messages;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain {@code http://} base URL or token URL on another machine fails the route at startup, naming the option and
 * the way out ({@code allowInsecureHttp}), before the secret is sent anywhere; loopback URLs (local simulators,
 * sidecars) and {@code https://} start as before, and {@code allowInsecureHttp=true} lets the calls through.
 */
class PlainHttpToAnotherMachineIsRefusedTest {

    private static final String SECRET = "plain-http-s3cret";

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(4).build();

    private MapiqSimulator sim;

    @BeforeEach
    void reset() {
        sim = extension.simulator();
        sim.control().registerClient("plain-client", SECRET, java.util.Set.of("users.read"));
        sim.control().resetCounters();
    }

    /** Starts a context whose route lists users through {@code uri}; answers the startup failure, or null. */
    private Throwable start(String uri, List<Object> received) {
        DefaultCamelContext context = new DefaultCamelContext();
        try (context) {
            MapiqComponent component = new MapiqComponent();
            MapiqConfiguration c = component.getConfiguration();
            c.setClientId("plain-client");
            c.setClientSecret(SECRET);
            c.setTokenUrl(sim.tokenUrl());
            c.setBaseUrl(sim.baseUrl());
            context.addComponent("mapiq", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to(uri);
                }
            });
            context.start();
            received.add(context.createProducerTemplate().requestBody("direct:list", (Object) null));
            return null;
        } catch (Exception e) {
            return e;
        }
    }


    @Test
    void plainHttpBaseUrlOnAnotherHostFailsTheStartNamingTheOption() {
        Throwable failure = start("mapiq:users?operation=list&baseUrl=http://api.mapiq.example", new java.util.ArrayList<>());

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("Mapiq option baseUrl is plain HTTP to api.mapiq.example")
                .contains("allowInsecureHttp=true").doesNotContain(SECRET);
        assertThat(sim.control().tokenRequests()).isZero();
    }

    @Test
    void plainHttpTokenUrlOnAnotherHostFailsTheStartNamingTheOption() {
        Throwable failure = start("mapiq:users?operation=list&tokenUrl=http://10.20.30.40/api/public/oauth2/token",
                new java.util.ArrayList<>());

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("Mapiq option tokenUrl is plain HTTP to 10.20.30.40")
                .contains("allowInsecureHttp=true").doesNotContain(SECRET);
    }

    @Test
    void allowInsecureHttpLetsPlainHttpToAnotherHostThrough() {
        // api.mapiq.invalid is reached through the simulator acting as a plain HTTP proxy
        String remote = "http://api.mapiq.invalid";
        List<Object> received = new java.util.ArrayList<>();
        Throwable failure = start("mapiq:users?operation=list&allowInsecureHttp=true&proxyHost=127.0.0.1&proxyPort="
                                  + sim.port() + "&baseUrl=" + remote + "&tokenUrl=" + remote
                                  + MapiqSimulator.TOKEN_PATH, received);

        assertThat(failure).isNull();
        assertThat(received).singleElement().asList().hasSize(4);
        assertThat(sim.control().tokenRequests()).isEqualTo(1);
    }

    @Test
    void loopbackPlainHttpAndHttpsStartWithoutTheOption() {
        List<Object> received = new java.util.ArrayList<>();
        assertThat(start("mapiq:users?operation=list", received)).isNull();
        assertThat(received).singleElement().asList().hasSize(4);
        assertThat(start("mapiq:users?operation=list&baseUrl=http://localhost:" + sim.port(), received)).isNull();
        assertThat(received).hasSize(2);

        assertThat(TransportSecurity.isLoopback("127.0.0.1")).isTrue();
        assertThat(TransportSecurity.isLoopback("127.10.0.3")).isTrue();
        assertThat(TransportSecurity.isLoopback("[::1]")).isTrue();
        assertThat(TransportSecurity.isLoopback("localhost")).isTrue();
        assertThat(TransportSecurity.isLoopback("10.0.0.1")).isFalse();
        assertThat(TransportSecurity.isLoopback("localhost.example.com")).isFalse();
        assertThat(TransportSecurity.isLoopback("127.0.0.1.nip.io")).isFalse();
        TransportSecurity.check(false, "https://account.mapiq.example/token", "https://api.mapiq.example"); // passes
    }
}
