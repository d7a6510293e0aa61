package io.github.camelmapiq.mapiq.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelmapiq.mapiq.docs.SnippetTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Java and YAML snippets of the user guide (consumers, producers), read from {@code mapiq-component.adoc} and run
 * against the simulator. Only target endpoints ({@code kafka:}, {@code http:}, {@code direct:sync-to-hr}) and folders
 * are replaced; beans and properties the snippets refer to are bound as a user would.
 */
class UserGuideSnippetsWorkTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().seed(11L).users(6).build();

    @TempDir
    Path dir;

    private RunningSnippet running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static SimulatorControl control() {
        return sim.control();
    }

    private static MapiqSimulator simulator() {
        return sim.simulator();
    }

    private static DocSnippets guide() throws Exception {
        return DocSnippets.of(DocSnippets.GUIDE);
    }

    private MockEndpoint mock(String name) {
        return running.context.getEndpoint("mock:" + name, MockEndpoint.class);
    }

    /** The consumer's first examples, Java and YAML: today's desk reservations arrive once, as CREATED. */
    @Test
    void consumerIntroductionRoutesSendNewReservations() throws Exception {
        // the snippets read today..today+6d in Europe/Amsterdam, which near midnight UTC is another day than UTC's
        String desk = id(SnippetTestSupport.reservationToday(control(), "desk-guide-1", ZoneId.of("Europe/Amsterdam")));
        for (String language : List.of("java", "yaml")) {
            running = RunningSnippet.start(simulator(), language, guide()
                    .block(language, "direct:sync-to-hr").replace("direct:sync-to-hr", "mock:sync-to-hr"), "",
                    c -> {
                        c.getRegistry().bind("mapiqState", new MemoryStateRepository());
                        c.getPropertiesComponent().addInitialProperty("mapiq.clientId", MapiqSimulator.DEMO_CLIENT_ID);
                        c.getPropertiesComponent().addInitialProperty("mapiq.clientSecret",
                                MapiqSimulator.DEMO_CLIENT_SECRET);
                    }, dir);
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(mock("sync-to-hr")
                    .getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID))
                    .contains(desk));
            assertThat(mock("sync-to-hr").getReceivedExchanges()).allSatisfy(e -> assertThat(
                    e.getMessage().getHeader(MapiqConstants.CHANGE_TYPE)).isEqualTo(MapiqChangeType.CREATED));
            assertThat(running.logged).contains("CREATED reservation " + desk);
            running.close();
        }
        running = null;
    }

    /** The persistent state example: the FileStateRepository file is written after the first poll. */
    @Test
    void fileStateRepositoryExampleStoresTheState() throws Exception {
        Path state = dir.resolve("data/mapiq-state.dat");
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "FileStateRepository")
                .replace("data/mapiq-state.dat", state.toString()).replace("direct:users", "mock:users"), dir);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(
                () -> assertThat(mock("users").getReceivedExchanges()).hasSize(control().count("users")));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(state).isNotEmptyFile());
    }

    /** The record stores example: one state in a stateFile, one in a database, an entry per record. */
    @Test
    void recordStoreExampleKeepsTheStateInAFileAndADatabase() throws Exception {
        String desk = id(SnippetTestSupport.reservationToday(control(), "desk-guide-state"));
        Path state = dir.resolve("data/mapiq.state");
        String url = "jdbc:h2:mem:guide-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        String declarations = "javax.sql.DataSource dataSource = h2();\n"
                              + "static javax.sql.DataSource h2() {\n"
                              + "  org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();\n"
                              + "  h2.setURL(\"" + url + "\");\n"
                              + "  return h2;\n"
                              + "}\n";
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "stateFile=data/mapiq.state")
                .replace("data/mapiq.state", state.toString()).replace("kafka:reservations", "mock:reservations")
                .replace("direct:users", "mock:users"), declarations, c -> { }, dir);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(
                () -> assertThat(mock("users").getReceivedExchanges()).hasSize(control().count("users")));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url);
                 java.sql.ResultSet rows = connection.createStatement().executeQuery(
                         "SELECT COUNT(*) FROM mapiq_snapshot_record")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(control().count("users"));
            }
        });
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(mock("reservations")
                .getReceivedExchanges()).extracting(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID))
                .contains(desk));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(Files.readString(state,
                StandardCharsets.ISO_8859_1)).contains(desk));
    }

    /** pollEnrich with splitResult=false: one call, the whole listing. */
    @Test
    void pollEnrichReadsTheWholeListingOnRequest() throws Exception {
        running = RunningSnippet.start(simulator(), "yaml", guide().block("yaml", "direct:building-report"), dir);

        running.template().sendBody("direct:building-report", null);

        List<String> names = control().list("buildings").stream().map(b -> (String) b.get("name")).toList();
        assertThat(running.logged).containsAll(names);
    }

    /** Badge events get their source from a header and repeats are coalesced (Java and YAML examples). */
    @Test
    @SuppressWarnings("unchecked")
    void checkinExamplesPostAndCoalesce() throws Exception {
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "coalesceCheckins=true")
                .replace("kafka:badges", "direct:badges"), dir);
        Map<String, Object> event = Map.of("userId", id(control().list("users").get(2)), "buildingId",
                id(control().list("buildings").get(0)), "eventType", "AtTheOffice");
        int before = control().postedCheckins().size();

        running.template().sendBody("direct:badges", event);
        running.template().sendBody("direct:badges", event);

        assertThat(control().postedCheckins()).hasSize(before + 1);
        assertThat(control().postedCheckins().get(before)).containsEntry("source", "AccessGate");
        assertThat(running.logged).hasSize(2).element(1).asString().endsWith("coalesced=true");
        running.close();

        running = RunningSnippet.start(simulator(), "yaml", guide().block("yaml", "direct:badge"), dir);
        Object answer = running.template().requestBody("direct:badge", Map.of("userId",
                id(control().list("users").get(3)), "buildingId", id(control().list("buildings").get(0)),
                "eventType", "NotAtTheOffice"));
        assertThat(answer).isInstanceOf(Map.class);
        assertThat((Map<String, Object>) answer).containsEntry("source", "AccessGate").containsKey("id");
    }

    /** Deleting by header (Java) and by body (YAML); an unknown id is no error with ignoreNotFound=true. */
    @Test
    void deleteExamplesDeleteAndIgnoreUnknownIds() throws Exception {
        String first = id(SnippetTestSupport.reservationToday(control(), "desk-cancel-1"));
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "direct:cancel"), dir);
        running.template().sendBody("direct:cancel", Map.of("reservationId", first));
        Exchange unknown = running.template().send("direct:cancel",
                e -> e.getMessage().setBody(Map.of("reservationId", "no-such-reservation")));
        assertThat(control().deletedReservationIds()).contains(first);
        assertThat(unknown.getException()).isNull();
        running.close();

        String second = id(SnippetTestSupport.reservationToday(control(), "desk-cancel-2"));
        running = RunningSnippet.start(simulator(), "yaml", guide().block("yaml", "direct:cancel"), dir);
        running.template().sendBody("direct:cancel", second);
        assertThat(control().deletedReservationIds()).contains(second);
    }

    /** The occupancy examples: readings from a bean (Java) or an HTTP answer (YAML) are ingested in chunks. */
    @Test
    void occupancyExamplesIngestReadings() throws Exception {
        int before = control().ingestedReadings().size();
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "SensorGateway"), """
                public static class SensorGateway {
                    public List<OccupancyReading> readings() {
                        List<OccupancyReading> readings = new ArrayList<>();
                        for (int i = 0; i < 250; i++) {
                            OccupancyReading r = new OccupancyReading();
                            r.setSpaceId("space-" + i);
                            r.setTimestamp(java.time.Instant.parse("2026-03-02T09:00:00Z"));
                            r.setOccupancy(i % 7);
                            readings.add(r);
                        }
                        return readings;
                    }
                }
                """, c -> { }, dir);

        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(running.logged).contains("ingested 250 readings"));
        assertThat(control().ingestedReadings()).hasSize(before + 250);
        assertThat(control().calls("POST", "/v2/occupancy")).isGreaterThanOrEqualTo(2);
    }

    /** enrich with a list: the Java desk report and the YAML JSON report of office workdays. */
    @Test
    void listExamplesEnrichWithTheListing() throws Exception {
        Map<String, Object> reservation = SnippetTestSupport.reservationToday(control(), "desk-report-1");
        String building = id(control().list("buildings").get(0));
        control().update("workspace-reservations", id(reservation), Map.of("buildingId", building));
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "direct:desk-report"), "",
                c -> c.getPropertiesComponent().addInitialProperty("building", building), dir);
        running.template().sendBody("direct:desk-report", null);
        assertThat(running.logged).contains("desk-report-1 booked by " + reservation.get("email"));
        running.close();

        Path reports = dir.resolve("reports");
        running = RunningSnippet.start(simulator(), "yaml", guide().block("yaml", "file:reports")
                .replace("file:reports", "file:" + reports), dir);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(reports).isNotEmptyDirectory());
        try (var files = Files.list(reports)) {
            assertThat(Files.readString(files.findFirst().orElseThrow())).startsWith("[");
        }
    }

    /** get with a cached listing, Java (aggregation reading the User) and YAML. */
    @Test
    void getExamplesEnrichWithTheUser() throws Exception {
        Map<String, Object> user = control().list("users").get(4);
        running = RunningSnippet.start(simulator(), "yaml", guide().block("yaml", "direct:user"), dir);
        String json = running.template().requestBodyAndHeader("direct:user", null, MapiqConstants.RECORD_ID, id(user),
                String.class);
        assertThat(json).contains("\"id\":\"" + id(user) + "\"");
        running.close();

        List<Object> emails = new java.util.concurrent.CopyOnWriteArrayList<>();
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "getCacheTtl=10m"), "",
                c -> c.getManagementStrategy().addEventNotifier(new org.apache.camel.support.EventNotifierSupport() {
                    @Override
                    public void notify(org.apache.camel.spi.CamelEvent event) {
                        if (event instanceof org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent done) {
                            Exchange exchange = done.getExchange();
                            emails.add(exchange.getException() != null ? exchange.getException().toString()
                                    : String.valueOf(exchange.getMessage().getHeader("email")));
                        }
                    }
                }), dir);
        Map<String, Object> checkedIn = control().list("users").get(5);
        running.template().sendBody("mapiq:checkin-events?operation=create",
                SnippetTestSupport.checkinJson(control(), 5));

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(emails).contains(checkedIn.get("email")));
    }

    /** raw: a GET answered as text with its status (Java), a POST of a check-in with the path from a header (YAML). */
    @Test
    void rawExamplesCallAnyPath() throws Exception {
        running = RunningSnippet.start(simulator(), "java", guide().block("java", "mapiq:raw?path="), dir);
        running.template().sendBody("direct:buildings-as-mapiq-sends-them", null);
        assertThat(running.logged).singleElement().asString().startsWith("200: ")
                .contains(id(control().list("buildings").get(0)));
        running.close();

        running = RunningSnippet.start(simulator(), "yaml", guide().block("yaml", "direct:raw"), dir);
        Exchange posted = running.template().request("direct:raw", e -> e.getMessage().setBody(
                SnippetTestSupport.checkinJson(control(), 0)));
        assertThat(posted.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(201);
        assertThat(posted.getMessage().getBody()).isInstanceOf(Map.class);
    }
}
