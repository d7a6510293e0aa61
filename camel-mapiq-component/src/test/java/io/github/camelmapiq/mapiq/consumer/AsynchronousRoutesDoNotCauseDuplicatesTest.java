package io.github.camelmapiq.mapiq.consumer;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a route completes exchanges asynchronously, polls keep coming while they are in flight. A poll does not start
 * before every exchange of the previous one has completed, so nothing is delivered again because its completion had
 * not been recorded yet.
 */
class AsynchronousRoutesDoNotCauseDuplicatesTest extends ConsumerTestSupport {

    @Test
    void pollsWaitForTheExchangesOfThePreviousPoll() throws Exception {
        addUser("Slow1");
        addUser("Slow2");
        List<String> created = allCreated("users");
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?changesOnly=true&delay=20&initialDelay=0").routeId("poll")
                        .delay(400).asyncDelayed()
                        .process(recorder);
            }
        });
        long before = control.calls("GET", "/v2/users");
        context.start();

        eventually().until(() -> recorder.size() >= created.size());
        awaitPolls("/v2/users", 3);
        assertThat(recorder.changes()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(control.calls("GET", "/v2/users") - before).isGreaterThanOrEqualTo(3);
    }
}
