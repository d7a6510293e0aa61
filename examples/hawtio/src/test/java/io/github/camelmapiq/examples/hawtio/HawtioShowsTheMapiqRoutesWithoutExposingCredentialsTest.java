package io.github.camelmapiq.examples.hawtio;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.spi.SLF4JServiceProvider;

import static io.github.camelmapiq.examples.hawtio.JsonSearch.pathsContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.awaitility.Awaitility.await;

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
        console = hawtio.started().get(5, TimeUnit.MINUTES); // a web console and its war: slow on a busy machine
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
                .singleElement(STRING)
                .contains("context=mapiq-hawtio");
        assertThat(attributeValues("org.apache.camel:type=routes,*", "RouteId"))
                .contains("office-week", "presence");
        assertThat(attributeValues("org.apache.camel:type=endpoints,*", "EndpointUri"))
                .anySatisfy(uri -> assertThat(uri).startsWith("mapiq://workdays").contains("startDate=today"))
                .anySatisfy(uri -> assertThat(uri).startsWith("mapiq://checkin-statuses"));
    }

    @Test
    void theRoutesPollTheSimulatorAndHawtioCountsTheirExchanges() throws Exception {
        awaitEveryRoutePolled();

        assertThat(simulator.control().calls("GET", WORKDAYS)).as("GET " + WORKDAYS).isPositive();
        assertThat(simulator.control().calls("GET", CHECKIN_STATUSES)).as("GET " + CHECKIN_STATUSES).isPositive();
        for (String route : List.of("office-week", "presence")) {
            assertThat(jolokia.readAttribute(routeMBean(route), "ExchangesCompleted").asLong())
                    .as("exchanges of route " + route + " as Hawtio shows them").isPositive();
        }
    }

    @Test
    void jolokiaShowsTheTokenExpiryAndEachConsumersLastPoll() throws Exception {
        awaitEveryRoutePolled();
        String component = jolokia.search("org.apache.camel:type=components,name=\"mapiq\",*").get(0);
        java.time.Instant obtained = java.time.Instant.parse(
                jolokia.readAttribute(component, "TokenObtainedAt").asText());
        java.time.Instant expires = java.time.Instant.parse(jolokia.readAttribute(component, "TokenExpiresAt").asText());
        // the hour counts from when the token was asked for, so a slow token answer (a busy machine) shortens it
        assertThat(Duration.between(obtained, expires)).as("the simulator's one-hour tokens")
                .isBetween(Duration.ofMinutes(55), Duration.ofHours(1));
        assertThat(jolokia.readAttribute(component, "TokenRequests").asLong()).isPositive();
        assertThat(jolokia.readAttribute(component, "TokenFailures").asLong()).isZero();

        for (String route : List.of("office-week", "presence")) {
            String consumer = jolokia.search("org.apache.camel:type=consumers,*").stream()
                    .filter(name -> {
                        try {
                            return route.equals(jolokia.readAttribute(name, "RouteId").asText());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .findFirst().orElseThrow();
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> "SUCCESS".equals(jolokia.readAttribute(consumer, "LastPollOutcome").asText()));
            assertThat(jolokia.readAttribute(consumer, "RecordsDelivered").asLong()).as(route).isPositive();
            assertThat(jolokia.readAttribute(consumer, "PagesRead").asLong()).as(route).isPositive();
            // both read for the same poll: a poll (every 30 s) that ends between the reads makes them read again
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                String ended = jolokia.readAttribute(consumer, "LastPollEnded").asText();
                String next = jolokia.readAttribute(consumer, "NextPollDue").asText();
                assertThat(jolokia.readAttribute(consumer, "LastPollEnded").asText()).isEqualTo(ended);
                assertThat(next).as(route).isEqualTo(java.time.Instant.parse(ended).plusSeconds(30).toString());
            });
        }
        String workdays = jolokia.search("org.apache.camel:type=endpoints,name=\"mapiq://workdays*\",*").get(0);
        assertThat(jolokia.readAttribute(workdays, "Calls").asLong())
                .isEqualTo(simulator.control().calls("GET", WORKDAYS));
    }

    @Test
    void neitherTheClientSecretNorAnAccessTokenIsExposedOverJolokia() throws Exception {
        awaitEveryRoutePolled();
        List<String> tokens = tokenRelay.tokens();
        assertThat(tokens).as("access tokens issued to the routes").isNotEmpty();

        JsonNode camel = jolokia.readAll("org.apache.camel:*");
        assertThat(pathsContaining(camel, "mapiq://workdays")).as("Camel MBeans showing the workdays endpoint")
                .isNotEmpty();
        assertThat(pathsContaining(camel, "clientSecret=xxxxxx")).as("Camel MBeans showing the masked URI")
                .isNotEmpty();
        JsonNode everything = jolokia.readAll("*:*");
        JsonNode sourceView = jolokia.exec(contextMBean(), "dumpRoutesAsXml()");
        List<JsonNode> demoRoutesResolved = new ArrayList<>();
        for (String route : List.of("office-week", "presence")) {
            demoRoutesResolved.add(jolokia.exec(routeMBean(route), "dumpRouteAsXml(boolean)", true));
        }

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("client secret", MapiqSimulator.DEMO_CLIENT_SECRET);
        tokens.forEach(token -> secrets.put("access token #" + secrets.size(), token));
        secrets.forEach((which, secret) -> {
            assertThat(pathsContaining(camel, secret)).as(which + " in the Camel MBeans").isEmpty();
            assertThat(pathsContaining(everything, secret)).as(which + " in any MBean of the JVM").isEmpty();
            assertThat(pathsContaining(sourceView, secret)).as(which + " in Hawtio's route source view").isEmpty();
            assertThat(demoRoutesResolved).as(which + " in the example's routes, placeholders resolved")
                    .allSatisfy(source -> assertThat(pathsContaining(source, secret)).isEmpty());
        });
    }

    /** hawtio-embedded brings slf4j-simple; the pom excludes it so that Log4j 2 alone serves Camel, Jetty and Hawtio. */
    @Test
    void log4jIsTheOnlySlf4jProvider() {
        assertThat(ServiceLoader.load(SLF4JServiceProvider.class).stream().map(p -> p.type().getName()))
                .containsExactly("org.apache.logging.slf4j.SLF4JServiceProvider");
    }

    /** Every route has completed a poll (the first comes a second after start). */
    private void awaitEveryRoutePolled() {
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            for (String route : List.of("office-week", "presence", "credentials-in-uri")) {
                if (jolokia.readAttribute(routeMBean(route), "ExchangesCompleted").asLong() == 0) {
                    return false;
                }
            }
            return true;
        });
    }

    private String contextMBean() throws IOException, InterruptedException {
        return jolokia.search("org.apache.camel:type=context,*").get(0);
    }

    private String routeMBean(String routeId) throws IOException, InterruptedException {
        return jolokia.search("org.apache.camel:type=routes,name=\"" + routeId + "\",*").get(0);
    }

    private List<String> attributeValues(String pattern, String attribute) throws IOException, InterruptedException {
        List<String> values = new ArrayList<>();
        for (JsonNode attributes : jolokia.readAttribute(pattern, attribute)) {
            values.add(attributes.path(attribute).asText());
        }
        return values;
    }
}
