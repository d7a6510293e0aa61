package io.github.camelmapiq.mapiq.consumer;

import java.time.Duration;

import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.mapiq.consumer.monitoring.ConsumerStatistics;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll that runs longer than its progress threshold (five seconds in production, zero here so that no test waits)
 * logs pages and records read at INFO as it goes, and a summary at its end; a short poll logs nothing at INFO.
 */
class LongPollsLogTheirProgressTest extends ConsumerTestSupport {

    private static final String LOGGER = "io.github.camelmapiq.mapiq.consumer.monitoring.ConsumerStatistics";

    @Test
    void aLongPollLogsEachPageAndASummary() throws Exception {
        addUser("Ada");
        addUser("Bob");
        addUser("Cy");
        try (CapturedLogs logs = new CapturedLogs()) {
            poll(Duration.ZERO);
            int users = control.count("users"); // one per page with pageSize=1
            java.util.List<String> lines = logs.lines("INFO", LOGGER);
            assertThat(lines).hasSize(users + 1);
            for (int page = 1; page <= users; page++) {
                assertThat(lines.get(page - 1)).matches(LOGGER + " Polling route poll for \\d+ ms: " + page
                                                        + " page\\(s\\), " + page + " record\\(s\\) read so far");
            }
            assertThat(lines.get(users)).matches(LOGGER + " Poll of route poll took \\d+ ms \\(success\\): " + users
                                                 + " page\\(s\\), " + users + " record\\(s\\) read, " + users
                                                 + " exchange\\(s\\) sent");
        }
    }

    @Test
    void aShortPollLogsNothingAtInfo() throws Exception {
        addUser("Ada");
        try (CapturedLogs logs = new CapturedLogs()) {
            poll(ConsumerStatistics.PROGRESS_AFTER);
            assertThat(logs.lines("INFO", LOGGER)).isEmpty();
        }
    }

    private void poll(Duration progressAfter) throws Exception {
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?delay=60000&initialDelay=0&pageSize=1").routeId("poll").autoStartup(false)
                        .process(recorder);
            }
        });
        context.start();
        MapiqPollingConsumer consumer = (MapiqPollingConsumer) context.getRoute("poll").getConsumer();
        consumer.getStatistics().setProgressAfter(progressAfter);
        context.getRouteController().startRoute("poll");
        eventually().until(() -> consumer.getStatistics().lastPollOutcome() != null);
    }
}
