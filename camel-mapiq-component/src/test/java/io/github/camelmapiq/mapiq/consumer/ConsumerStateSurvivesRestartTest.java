package io.github.camelmapiq.mapiq.consumer;

import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A new CamelContext on the same {@code FileStateRepository} neither repeats nor loses records. */
class ConsumerStateSurvivesRestartTest extends ConsumerTestSupport {

    @TempDir
    Path dir;

    @Test
    void snapshotChangesMadeWhileStoppedArriveOnceAfterRestart() throws Exception {
        File store = dir.resolve("mapiq-state.dat").toFile();
        Map<String, Object> ann = addUser("Ann");
        Map<String, Object> bob = addUser("Bob");
        Map<String, Object> cas = addUser("Cas");
        int n = allIds("users").size();

        Recorder first = new Recorder();
        CamelContext context = startWithFileState("mapiq:users?changesOnly=true&stateRepository=#state&" + FAST, store,
                first);
        eventually().until(() -> first.size() == n);
        awaitPolls("/v2/users", 2);
        context.stop();

        Map<String, Object> dan = addUser("Dan");
        control.update("users", id(ann), Map.of("department", "Finance"));
        control.delete("users", id(bob));

        Recorder second = new Recorder();
        startWithFileState("mapiq:users?changesOnly=true&stateRepository=#state&" + FAST, store, second);
        eventually().until(() -> second.size() == 3);
        awaitPolls("/v2/users", 3);
        assertThat(second.changes()).containsExactlyInAnyOrder(
                "CREATED " + id(dan), "UPDATED " + id(ann), "DELETED " + id(bob));
        assertThat(first.ids()).contains(id(cas)).doesNotContain(id(dan));
    }

    @Test
    void checkinEventsPostedWhileStoppedArriveOnceAfterRestart() throws Exception {
        File store = dir.resolve("events-state.dat").toFile();
        String userId = id(addUser("Eve"));
        Instant base = Instant.now().minusSeconds(600);
        String e1 = CheckinEvents.add(control, userId, base);
        String e2 = CheckinEvents.add(control, userId, base.plusSeconds(60));
        String uri = "mapiq:checkin-events?changesOnly=true&startDate=today-1d&endDate=today%2B1d&userId=" + userId
                     + "&stateRepository=#state&" + FAST;

        Recorder first = new Recorder();
        CamelContext context = startWithFileState(uri, store, first);
        eventually().until(() -> first.size() == 2);
        awaitPolls("/v2/user-locations/checkin-events", 2);
        context.stop();

        String e3 = CheckinEvents.add(control, userId, base.plusSeconds(120));
        String late = CheckinEvents.add(control, userId, base.plusSeconds(30)); // older than the cursor, within overlap

        Recorder second = new Recorder();
        startWithFileState(uri, store, second);
        eventually().until(() -> second.size() == 2);
        awaitPolls("/v2/user-locations/checkin-events", 3);
        assertThat(first.ids()).containsExactlyInAnyOrder(e1, e2);
        assertThat(second.ids()).containsExactlyInAnyOrder(e3, late);
    }

    @Test
    void restartingTheRouteKeepsTheDefaultInMemoryState() throws Exception {
        addUser("Mem");
        int n = allIds("users").size();
        Recorder recorder = new Recorder();
        CamelContext context = start("mapiq:users?changesOnly=true&" + FAST, recorder);
        eventually().until(() -> recorder.size() == n);

        context.getRouteController().stopRoute("poll");
        String added = id(addUser("WhileStopped"));
        context.getRouteController().startRoute("poll"); // Camel creates a new consumer here

        eventually().until(() -> recorder.size() == n + 1);
        awaitPolls("/v2/users", 3);
        assertThat(recorder.changesFrom(n)).containsExactly("CREATED " + added);
    }

    private CamelContext startWithFileState(String uri, File store, Recorder recorder) throws Exception {
        CamelContext context = newContext();
        context.getRegistry().bind("state", FileStateRepository.fileStateRepository(store));
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(recorder);
            }
        });
        context.start();
        return context;
    }
}
