package io.github.camelmapiq.mapiq.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.client.model.Workday;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelmapiq.mapiq.docs.SnippetTestSupport.checkinJson;
import static io.github.camelmapiq.mapiq.docs.SnippetTestSupport.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route and properties snippet of the README, read from the README itself and run against the simulator. Only
 * the target endpoints ({@code kafka:}, {@code jms:}, folders) and a cron schedule are replaced.
 */
class ReadmeSnippetsWorkTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().seed(7L).users(6).build();

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_USER = new java.util.concurrent.atomic.AtomicInteger();

    @TempDir
    Path dir;

    private RunningSnippet running;
    private DefaultCamelContext context;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private SimulatorControl control() {
        return sim.control();
    }

    private DefaultCamelContext start(String language, DocSnippets.Snippet snippet) throws Exception {
        return start(language, snippet, c -> { });
    }

    private DefaultCamelContext start(String language, DocSnippets.Snippet snippet,
            java.util.function.Consumer<DefaultCamelContext> before) throws Exception {
        running = RunningSnippet.start(sim.simulator(), language, snippet, "", before, dir);
        context = running.context;
        return context;
    }

    /** The teaser: the coming week's workdays, including the last day ({@code today+6d} in a Java URI). */
    @Test
    void teaserJavaPollsTheWeeksWorkdaysAndPostsBadgeFiles() throws Exception {
        String lastDay = id(control().add("workdays", Map.of("userId", id(control().list("users").get(0)),
                "date", LocalDate.now().plusDays(6).toString(), "status", "Office")));
        Path badges = Files.createDirectories(dir.resolve("badges"));
        start("java", DocSnippets.of(DocSnippets.README).block("java", "endDate=today+6d\").to(\"kafka:attendance\")")
                .replace("kafka:attendance", "mock:attendance").replace("file:badges", "file:" + badges));

        assertWeekOfWorkdaysArrives(lastDay, null);
        assertBadgeFileBecomesACheckin(badges);
    }

    @Test
    void usingTheComponentJavaRoutesWork() throws Exception {
        String office = id(control().add("workdays", Map.of("userId", id(control().list("users").get(0)),
                "date", LocalDate.now().plusDays(6).toString(), "status", "Office")));
        String remote = id(control().add("workdays", Map.of("userId", id(control().list("users").get(1)),
                "date", LocalDate.now().toString(), "status", "Remote")));
        SnippetTestSupport.reservationToday(control(), "desk-readme-1");
        Path badges = Files.createDirectories(dir.resolve("badges"));
        start("java", DocSnippets.of(DocSnippets.README).block("java", "stateRepository=#fileState")
                .replace("kafka:attendance", "mock:attendance").replace("file:badges", "file:" + badges),
                c -> c.getRegistry().bind("fileState",
                        FileStateRepository.fileStateRepository(dir.resolve("state.dat").toFile())));

        assertWeekOfWorkdaysArrives(office, remote);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(
                () -> assertThat(running.logged).contains("CREATED desk-readme-1"));
        assertBadgeFileBecomesACheckin(badges);
    }

    private void assertWeekOfWorkdaysArrives(String expected, String notExpected) {
        MockEndpoint attendance = context.getEndpoint("mock:attendance", MockEndpoint.class);
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(attendance.getReceivedExchanges())
                .extracting(e -> e.getMessage().getBody(Workday.class).getId()).contains(expected));
        if (notExpected != null) {
            assertThat(attendance.getReceivedExchanges())
                    .allSatisfy(e -> assertThat(e.getMessage().getBody(Workday.class).getStatusValue())
                            .isEqualTo("Office"))
                    .extracting(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID)).doesNotContain(notExpected);
        }
    }

    private void assertBadgeFileBecomesACheckin(Path badges) throws Exception {
        int before = control().postedCheckins().size();
        String event = checkinJson(control(), NEXT_USER.incrementAndGet());
        Files.writeString(badges.resolve("swipe-1.json"), event);
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(control().postedCheckins()).hasSize(before + 1));
        assertThat(control().postedCheckins().get(before)).containsEntry("source", "AccessGate")
                .containsEntry("userId", MapiqJson.mapper().readTree(event).get("userId").asText());
    }

    /** The teaser's evening report: one JSON array of today's reservations per day (cron replaced to fire now). */
    @Test
    void teaserYamlWritesTodaysReservationsToADatedFile() throws Exception {
        String desk = id(SnippetTestSupport.reservationToday(control(), "desk-teaser"));
        Path cleaning = dir.resolve("cleaning");
        start("yaml", DocSnippets.of(DocSnippets.README).block("yaml", "file:cleaning")
                .replace("\"0 0 18 * * ?\"", "\"0/1 * * * * ?\"").replace("file:cleaning", "file:" + cleaning));

        Path report = cleaning.resolve("desks-" + LocalDate.now() + ".json");
        await().atMost(Duration.ofMinutes(1)).until(() -> Files.exists(report));
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            JsonNode reservations = MapiqJson.mapper().readTree(Files.readString(report));
            assertThat(reservations.isArray()).isTrue();
            assertThat(reservations.findValuesAsText("id")).contains(desk);
            Exchange listed = context.createProducerTemplate().request(
                    "mapiq:workspace-reservations?operation=list&startDate=today", e -> { });
            assertThat(reservations.size()).isEqualTo(listed.getMessage().getHeader(MapiqConstants.RECORD_COUNT));
        });
    }

    @Test
    void yamlLogsTheNumberOfWorkdaysOfTheComingWeek() throws Exception {
        start("yaml", DocSnippets.of(DocSnippets.README).block("yaml", "workdays in the coming week"));

        Exchange listed = context.createProducerTemplate().request(
                "mapiq:workdays?operation=list&startDate=today&endDate=today%2B6d", e -> { });
        Object count = listed.getMessage().getHeader(MapiqConstants.RECORD_COUNT);
        await().atMost(Duration.ofMinutes(1))
                .untilAsserted(() -> assertThat(running.logged).contains(count + " workdays in the coming week"));
    }

    /** The XML route deletes the reservation the message names, and an unknown id is no error. */
    @Test
    void xmlDeletesCancelledReservationsIdempotently() throws Exception {
        String desk = id(SnippetTestSupport.reservationToday(control(), "desk-cancelled"));
        start("xml", DocSnippets.of(DocSnippets.README).block("xml", "cancelled-desks")
                .replace("jms:queue:cancelled-desks", "direct:cancelled-desks"));

        context.createProducerTemplate().sendBody("direct:cancelled-desks", desk);
        Exchange again = context.createProducerTemplate().send("direct:cancelled-desks",
                e -> e.getMessage().setBody(desk));

        assertThat(control().deletedReservationIds()).contains(desk);
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(MapiqConstants.ALREADY_DELETED)).isEqualTo(true);
    }

    /** The credentials properties of the README, read by Camel Main from the environment: one token for all. */
    @Test
    void credentialsPropertiesConfigureEveryEndpoint() throws Exception {
        Properties properties = new Properties();
        properties.load(new java.io.StringReader(DocSnippets.of(DocSnippets.README)
                .block("properties", "{{env:MAPIQ_CLIENT_ID}}").text()));
        properties.put("camel.component.mapiq.base-url", sim.simulator().baseUrl());
        properties.put("camel.component.mapiq.token-url", sim.simulator().tokenUrl());
        Main main = new Main();
        main.setInitialProperties(properties);
        long tokens = control().tokenRequests();
        main.start();
        try {
            var template = main.getCamelContext().createProducerTemplate();
            List<?> users = template.requestBody("mapiq:users", null, List.class);
            List<?> buildings = template.requestBody("mapiq:buildings", null, List.class);
            assertThat(users).hasSize(control().count("users"));
            assertThat(buildings).hasSize(control().count("buildings"));
            assertThat(control().tokenRequests()).isEqualTo(tokens + 1);
        } finally {
            main.stop();
        }
    }
}
