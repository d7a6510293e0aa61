package io.github.camelmapiq.mapiq.consumer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.simulator.Fault;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code changesOnly} consumer through an outage (500s, then dropped connections on a fifth of the calls): readiness
 * goes DOWN naming the error and UP again afterwards, each failed poll is one log line without a stack trace, and the
 * changes made during the outage arrive once each afterwards, matching the simulator's data.
 */
class ConsumerRecoversFromAnOutageWithNothingLostOrRepeatedTest extends ConsumerTestSupport {

    @Test
    void changesMadeDuringTheOutageArriveOnceAndHealthFollows() throws Exception {
        Map<String, Object> kept = addUser("Kept");
        Map<String, Object> renamed = addUser("Renamed");
        Map<String, Object> removed = addUser("Removed");
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        registry.register(registry.resolveById("consumers"));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&" + FAST).routeId("poll").process(recorder);
            }
        });
        context.start();
        eventually().until(() -> recorder.size() == 3);
        eventually().until(() -> state(context) == HealthCheck.State.UP);
        recorder.clear();

        List<String> warnings;
        try (CapturedLogs logs = new CapturedLogs()) {
            control.injectFault(Fault.status(500).onPath("/v2/users"));
            Map<String, Object> added = addUser("Added");
            control.update("users", id(renamed), Map.of("firstName", "Renamed2"));
            control.delete("users", id(removed));
            eventually().until(() -> state(context) == HealthCheck.State.DOWN);
            assertThat(readiness(context).orElseThrow().getMessage().orElseThrow())
                    .contains("Mapiq API GET /v2/users answered 500");
            long failedPolls = control.calls("GET", "/v2/users", 500) / 4; // 1 attempt + 3 retries per poll

            control.clearFaults();
            control.injectFault(Fault.connectionReset().fraction(0.2).onPath("/v2/users"));
            eventually().until(() -> recorder.size() >= 3);
            awaitPolls("/v2/users", 5);
            control.clearFaults();
            eventually().until(() -> state(context) == HealthCheck.State.UP);

            assertThat(recorder.changes()).containsExactlyInAnyOrder("CREATED " + id(added),
                    "UPDATED " + id(renamed), "DELETED " + id(removed));
            assertThat(allIds("users")).containsExactlyInAnyOrder(id(kept), id(renamed), id(added));
            warnings = logs.lines("WARN", "");
            assertThat(warnings).as("at most one line per failed poll, without a stack trace")
                    .anySatisfy(line -> assertThat(line).contains("Mapiq API GET /v2/users answered 500"))
                    .allSatisfy(line -> assertThat(line).doesNotContain("\tat "))
                    .hasSizeLessThanOrEqualTo((int) failedPolls + 5);
        }
    }

    private static HealthCheck.State state(CamelContext context) {
        return readiness(context).map(HealthCheck.Result::getState).orElse(HealthCheck.State.UNKNOWN);
    }

    private static Optional<HealthCheck.Result> readiness(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context, "full").stream()
                .filter(r -> r.getCheck().getId().equals("consumer:poll")).findFirst();
    }
}
