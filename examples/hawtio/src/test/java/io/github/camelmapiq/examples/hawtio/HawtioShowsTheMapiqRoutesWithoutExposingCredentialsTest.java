package io.github.camelmapiq.examples.hawtio;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.spi.SLF4JServiceProvider;

import static io.github.camelmapiq.examples.hawtio.JsonSearch.pathsContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole example in one JVM, as a user runs it: the simulator, Camel Main with the example's YAML routes, and
 * Hawtio 3 on Jetty 10 with its Jolokia agent, all on free loopback ports. It checks what the user sees in Hawtio and
 * what nobody must see there: the client secret and the access tokens.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HawtioShowsTheMapiqRoutesWithoutExposingCredentialsTest {

    private static final String WORKDAYS = "/v2/workdays";
    private static final String CHECKIN_STATUSES = "/v2/user-locations/checkin-statuses";

    private final HttpClient http = HttpClient.newHttpClient();
    private MapiqSimulator simulator;
    private TokenRecordingRelay tokenRelay;
    private Main main;
    private Thread mainThread;
    private HawtioConsole console;
    private Jolokia jolokia;

    @BeforeAll
    void startTheExample() throws Exception {
        simulator = MapiqSimulator.builder().start();
        tokenRelay = new TokenRecordingRelay(simulator.tokenUrl());

        Properties properties = HawtioApplication.simulatorProperties(simulator);
        properties.setProperty("mapiq.tokenUrl", tokenRelay.url());
        properties.setProperty("hawtio.port", "0");
        properties.setProperty("camel.main.routes-include-pattern",
                "classpath:routes/*.yaml,classpath:test-routes/*.yaml");

        HawtioConsoleLifecycle hawtio = new HawtioConsoleLifecycle();
        main = HawtioApplication.newMain(properties, hawtio);
        mainThread = new Thread(() -> {
            try {
                main.run();
            } catch (Exception e) {
                hawtio.started().completeExceptionally(e);
            }
        }, "example-main");
        mainThread.start();
        console = hawtio.started().get(30, TimeUnit.SECONDS);
        jolokia = new Jolokia(console.url());
    }

    @AfterAll
    void stopTheExample() throws Exception {
        if (main != null) {
            main.completed();
            mainThread.join(TimeUnit.SECONDS.toMillis(20));
        }
        if (tokenRelay != null) {
            tokenRelay.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void hawtioAnswersWithItsWebConsole() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(console.url())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).containsIgnoringCase("<html").containsIgnoringCase("hawtio");
    }

    @Test
    void jolokiaShowsTheCamelContextItsRoutesAndTheMapiqEndpoints() throws Exception {
        assertThat(jolokia.search("org.apache.camel:type=context,*"))
                .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("context=mapiq-hawtio");
        assertThat(attributeValues("org.apache.camel:type=routes,*", "RouteId"))
                .contains("office-week", "presence");
        assertThat(attributeValues("org.apache.camel:type=endpoints,*", "EndpointUri"))
                .anySatisfy(uri -> assertThat(uri).startsWith("mapiq://workdays").contains("startDate=today"))
                .anySatisfy(uri -> assertThat(uri).startsWith("mapiq://checkin-statuses"));
    }

    @Test
    void theRoutesPollTheSimulatorAndHawtioCountsTheirExchanges() throws Exception {
        SimulatorControl control = simulator.control();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(control.calls("GET", WORKDAYS)).as("GET " + WORKDAYS).isPositive();
            assertThat(control.calls("GET", CHECKIN_STATUSES)).as("GET " + CHECKIN_STATUSES).isPositive();
            assertThat(attributeValues("org.apache.camel:type=routes,name=\"office-week\",*", "ExchangesCompleted"))
                    .singleElement().satisfies(completed -> assertThat(Long.parseLong(completed)).isPositive());
        });
    }

    @Test
    void neitherTheClientSecretNorAnAccessTokenIsExposedOverJolokia() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> simulator.control().calls("GET", "/v2/users") > 0
                                                          && simulator.control().calls("GET", WORKDAYS) > 0);
        List<String> secrets = new ArrayList<>(tokenRelay.tokens());
        assertThat(secrets).as("access tokens issued to the routes").isNotEmpty();
        secrets.add(MapiqSimulator.DEMO_CLIENT_SECRET);

        JsonNode camel = jolokia.readAll("org.apache.camel:*");
        assertThat(pathsContaining(camel, "mapiq://workdays")).as("Camel MBeans showing the workdays endpoint")
                .isNotEmpty();
        assertThat(pathsContaining(camel, "clientSecret=xxxxxx")).as("Camel MBeans showing the masked URI")
                .isNotEmpty();
        JsonNode everything = jolokia.readAll("*:*");
        String context = jolokia.search("org.apache.camel:type=context,*").get(0);
        JsonNode xmlSource = jolokia.exec(context, "dumpRoutesAsXml(boolean)", true);

        for (int i = 0; i < secrets.size(); i++) {
            String secret = secrets.get(i);
            String which = i == secrets.size() - 1 ? "client secret" : "access token #" + (i + 1);
            assertThat(pathsContaining(camel, secret)).as(which + " in the Camel MBeans").isEmpty();
            assertThat(pathsContaining(everything, secret)).as(which + " in any MBean of the JVM").isEmpty();
            assertThat(pathsContaining(xmlSource, secret)).as(which + " in the route source Hawtio shows").isEmpty();
        }
    }

    @Test
    void hawtioListensOnTheLoopbackAddressOnly() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this host has no non-loopback IPv4 address to try");

        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), console.port()), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void camelJettyAndHawtioLogThroughTheOneSlf4jProvider() {
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()))
                .containsExactly("org.apache.logging.slf4j.SLF4JServiceProvider");
    }

    private List<String> attributeValues(String pattern, String attribute) throws IOException, InterruptedException {
        List<String> values = new ArrayList<>();
        for (JsonNode attributes : jolokia.readAttribute(pattern, attribute)) {
            values.add(attributes.path(attribute).asText());
        }
        return values;
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
