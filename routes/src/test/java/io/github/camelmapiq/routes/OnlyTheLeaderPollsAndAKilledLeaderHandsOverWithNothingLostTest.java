package io.github.camelmapiq.routes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.consumer.state.TemporaryPostgreSql;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code routes/presence-changes-replicated.yaml} on three replicas, each a JVM of its own, with a real ZooKeeper
 * (Curator's {@code TestingServer}) as their cluster service and their state in one PostgreSQL database (a throw-away
 * server, {@link TemporaryPostgreSql}, given to the route's {@code stateDataSource}): only the leader calls Mapiq;
 * killing the leader hard ({@code destroyForcibly}, no shutdown of any kind) hands the consumer to another replica
 * within the ZooKeeper session time, twice in a row; while check-in events keep arriving in the simulator, every one
 * of them is delivered, an event is delivered again only when the leader that delivered it was killed with that poll
 * in flight (at most one poll's batch, {@code maxMessagesPerPoll}, per kill; on a slow machine the next leader can be
 * killed in its first poll too, and then the same batch comes a third time), and the state in PostgreSQL ends up
 * holding every event and the newest one's time as its cursor.
 * <p>
 * The figures (handover times, events, lost, duplicates) are printed on one line, {@code Failover figures: ...}, and
 * recorded in {@code docs/reliability.md}.
 */
class OnlyTheLeaderPollsAndAKilledLeaderHandsOverWithNothingLostTest {

    private static final String EVENTS_PATH = "/v2/user-locations/checkin-events";
    /**
     * As the user guide advises: well above a pause of a busy machine. ZooKeeper's client gives up a connection that
     * was silent for two thirds of it, and Camel 4.18's ZooKeeper cluster view then leaves the election for good.
     */
    private static final int SESSION_TIMEOUT_MILLIS = 10_000;
    private static final int BATCH = 5;
    private static final int KILLS = 2;

    @TempDir
    Path work;

    private final List<Replica> replicas = new ArrayList<>();
    private final Map<String, Instant> added = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    private TestingServer zooKeeper;
    private TemporaryPostgreSql postgres;
    private MapiqSimulator simulator;
    private Thread adder;

    @AfterEach
    void stopEverything() throws Exception {
        if (adder != null) {
            adder.interrupt();
            adder.join(5000);
        }
        for (Replica replica : replicas) {
            replica.process.destroyForcibly();
            replica.process.waitFor(30, TimeUnit.SECONDS);
        }
        // each replica's output, kept for a look after the run
        Path logs = Files.createDirectories(Path.of("target", "failover-replicas"));
        try (Stream<Path> files = Files.list(work)) {
            for (Path log : files.filter(f -> f.getFileName().toString().endsWith(".log")).toList()) {
                Files.copy(log, logs.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (zooKeeper != null) {
            zooKeeper.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void onlyTheLeaderPollsAndAKilledLeaderHandsOverWithNothingLost() throws Exception {
        // ZooKeeper ticks of 500 ms allow sessions from 1 s to 10 s: the replicas ask for 10 s
        zooKeeper = new TestingServer(new InstanceSpec(work.resolve("zookeeper").toFile(), -1, -1, -1, true, -1, 500, -1),
                true);
        postgres = TemporaryPostgreSql.start(Path.of("target"));
        simulator = MapiqSimulator.builder().start();
        // only the events this test adds, so that each one can be followed
        simulator.control().list("checkin-events")
                .forEach(event -> simulator.control().delete("checkin-events", (String) event.get("id")));

        for (String name : List.of("replica-a", "replica-b", "replica-c")) {
            replicas.add(Replica.start(name, zooKeeper.getConnectString(), postgres, simulator, work));
        }
        List<Long> leadershipMillis = new ArrayList<>();
        List<Long> handoverMillis = new ArrayList<>();
        List<String> killed = new ArrayList<>();
        Replica leader = awaitTheOnlyLeader(Duration.ofMinutes(5)); // three JVMs start: slow on a busy machine
        adder = addEventsEvery(Duration.ofMillis(300));
        for (int kill = 0; kill < KILLS; kill++) {
            onlyTheLeaderCallsMapiq(leader);
            awaitDeliveriesBy(leader); // a leader at work, not one still starting
            long killedAt = System.nanoTime();
            leader.process.destroyForcibly();
            assertThat(leader.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            replicas.remove(leader);
            killed.add(leader.name);
            await("another replica leads").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> replicas.stream().anyMatch(r -> r.stats().leader()));
            leadershipMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            Replica next = awaitTheOnlyLeader(Duration.ofMinutes(2));
            handoverMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt));
            leader = next;
        }
        onlyTheLeaderCallsMapiq(leader);
        adder.interrupt();
        adder.join(5000);

        Map<String, List<String>> deliveries = awaitEveryEventDelivered();
        assertThat(deliveries.keySet()).as("nothing delivered that the test did not add").isEqualTo(added.keySet());
        Map<String, List<String>> duplicates = new TreeMap<>(deliveries);
        duplicates.values().removeIf(by -> by.size() == 1);
        int redelivered = 0;
        for (Map.Entry<String, List<String>> duplicate : duplicates.entrySet()) {
            List<String> by = duplicate.getValue();
            assertThat(by).as("event %s: delivered once by each replica at most", duplicate.getKey())
                    .doesNotHaveDuplicates();
            assertThat(killed).as("event %s, delivered by %s: each delivery but the last by a leader killed with it "
                                  + "in flight", duplicate.getKey(), by).containsAll(by.subList(0, by.size() - 1));
            redelivered += by.size() - 1;
        }
        assertThat(redelivered).as("deliveries again: at most one batch in flight per kill")
                .isLessThanOrEqualTo(KILLS * BATCH);
        assertThat(leadershipMillis).as("each new leader elected within the session time (plus its report's delay)")
                .allSatisfy(millis -> assertThat(millis).isLessThan(SESSION_TIMEOUT_MILLIS + 20_000L));
        Instant newest = newestDeliveredTimestamp();
        await("the last leader's state stored in PostgreSQL").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    StoredState stored = storedState();
                    assertThat(stored.key()).as("the consumer's state key").startsWith("mapiq:checkin-events");
                    assertThat(stored.delivered()).as("the delivered event ids in the shared state")
                            .containsExactlyInAnyOrderElementsOf(added.keySet());
                    assertThat(stored.cursor()).as("the cursor: the newest delivered event's time").isEqualTo(newest);
                });

        System.out.printf("Failover figures: replicas=3, kills=%d, new leader ms=%s, first call ms=%s, session timeout "
                          + "ms=%d, events=%d, lost=%d, delivered again=%d, batch=%d%n", KILLS, leadershipMillis,
                handoverMillis, SESSION_TIMEOUT_MILLIS, added.size(), added.size() - deliveries.size(), redelivered,
                BATCH);
    }

    /** Waits until {@code leader} has written a delivered event. */
    private void awaitDeliveriesBy(Replica leader) {
        await(leader.name + " delivers").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> allDeliveries().stream().anyMatch(d -> d.replica().equals(leader.name)));
    }

    /**
     * Waits until every added event was delivered, as long as deliveries go on: the last leader catches up
     * {@code maxMessagesPerPoll} events a poll, which on a busy machine takes minutes.
     */
    private Map<String, List<String>> awaitEveryEventDelivered() throws Exception {
        long stalledFor = TimeUnit.SECONDS.toNanos(90);
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        long progressAt = System.nanoTime();
        int seen = -1;
        while (true) {
            Map<String, List<String>> deliveries = deliveries();
            if (deliveries.keySet().containsAll(added.keySet())) {
                return deliveries;
            }
            long now = System.nanoTime();
            if (deliveries.size() > seen) {
                seen = deliveries.size();
                progressAt = now;
            } else if (now - progressAt > stalledFor || now > giveUp) {
                Set<String> missing = new TreeSet<>(added.keySet());
                missing.removeAll(deliveries.keySet());
                throw new AssertionError(String.format("%d of %d added events delivered, none more for %d s; never "
                                                       + "delivered: %s", deliveries.size(), added.size(),
                        TimeUnit.NANOSECONDS.toSeconds(now - progressAt), missing));
            }
            Thread.sleep(200);
        }
    }

    /** Waits until exactly one live replica leads and has called Mapiq, and returns it. */
    private Replica awaitTheOnlyLeader(Duration atMost) {
        return await("one replica leads and polls").atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    List<Replica> polling = replicas.stream().filter(r -> r.stats().calls() > 0).toList();
                    return polling.size() == 1 && polling.get(0).stats().leader() ? polling.get(0) : null;
                }, r -> r != null);
    }

    /**
     * For at least two seconds, and until the leader's calls have grown (its polls can take seconds on a busy
     * machine): the other live replicas make none.
     */
    private void onlyTheLeaderCallsMapiq(Replica leader) throws Exception {
        long before = leader.stats().calls();
        long from = System.nanoTime();
        while (true) {
            Thread.sleep(200);
            for (Replica other : replicas) {
                if (other != leader) {
                    assertThat(other.stats()).as(other.name + " while " + leader.name + " leads")
                            .isEqualTo(new Stats(0, false));
                }
            }
            long waited = System.nanoTime() - from;
            if (waited >= TimeUnit.SECONDS.toNanos(2) && leader.stats().calls() > before) {
                break;
            }
            assertThat(waited).as(leader.name + " keeps polling: its calls grow from " + before + " within 2 minutes")
                    .isLessThan(TimeUnit.MINUTES.toNanos(2));
        }
        // the leader counts a call as it sends it, the simulator as it answers: a call may still be on its way
        long leaderCalls = leader.stats().calls();
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(
                simulator.control().calls("GET", EVENTS_PATH)).as("the simulator saw at least the leader's calls")
                .isGreaterThanOrEqualTo(leaderCalls));
    }

    private Thread addEventsEvery(Duration pause) {
        Map<String, Object> user = simulator.control().list("users").get(0);
        Map<String, Object> building = simulator.control().list("buildings").get(0);
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("userId", user.get("id"));
                event.put("buildingId", building.get("id"));
                event.put("eventType", added.size() % 2 == 0 ? "AtTheOffice" : "NotAtTheOffice");
                event.put("source", "AccessGate");
                event.put("timestamp", Instant.now().toString());
                added.put((String) simulator.control().add("checkin-events", event).get("id"), Instant.now());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "event-adder");
        thread.start();
        return thread;
    }

    /** Event id to the replicas that delivered it, in the order they did, read from the replicas' output folders. */
    private Map<String, List<String>> deliveries() throws IOException {
        Map<String, List<String>> byId = new TreeMap<>();
        List<Delivery> all = new ArrayList<>(allDeliveries());
        all.sort((a, b) -> a.at().compareTo(b.at()));
        all.forEach(d -> byId.computeIfAbsent(d.id(), id -> new ArrayList<>()).add(d.replica()));
        return byId;
    }

    private Instant newestDeliveredTimestamp() throws IOException {
        return allDeliveries().stream().map(Delivery::timestamp).max(Instant::compareTo).orElseThrow();
    }

    /**
     * Every delivery written so far. The replicas keep writing while the folders are read: a file being written
     * ({@code .writing-...}) can be renamed between being listed and being looked at, so such a walk is read again.
     */
    private List<Delivery> allDeliveries() throws IOException {
        for (int attempt = 1;; attempt++) {
            try {
                return deliveriesWritten();
            } catch (UncheckedIOException | NoSuchFileException renamedWhileRead) {
                if (attempt == 10) {
                    throw renamedWhileRead;
                }
            }
        }
    }

    private List<Delivery> deliveriesWritten() throws IOException {
        Path out = work.resolve("out");
        if (!Files.isDirectory(out)) {
            return List.of();
        }
        List<Delivery> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")
                                              && !f.getFileName().toString().startsWith(".writing-")).toList()) {
                JsonNode event = json.readTree(file.toFile());
                all.add(new Delivery(event.get("id").asText(), Instant.parse(event.get("timestamp").asText()),
                        file.getParent().getFileName().toString(), Files.getLastModifiedTime(file).toInstant()));
            }
        }
        return all;
    }

    /** The one consumer state the replicas share, as stored in PostgreSQL ({@code format:json}). */
    private StoredState storedState() throws Exception {
        try (Connection connection = postgres.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT state_key, state_value FROM mapiq_state_value")) {
            assertThat(rows.next()).as("a state row").isTrue();
            String key = rows.getString(1);
            String value = rows.getString(2);
            assertThat(rows.next()).as("one state row, shared by every replica").isFalse();
            JsonNode state = json.readTree(value.substring(value.indexOf(':') + 1));
            Set<String> delivered = new TreeSet<>();
            state.get("delivered").fieldNames().forEachRemaining(delivered::add);
            return new StoredState(key, Instant.parse(state.get("cursor").asText()), delivered);
        }
    }

    private record Delivery(String id, Instant timestamp, String replica, Instant at) {
    }

    private record StoredState(String key, Instant cursor, Set<String> delivered) {
    }

    private record Stats(long calls, boolean leader) {
    }

    /** A replica's JVM and what it reports. */
    private static final class Replica {

        final String name;
        final Process process;
        final Path stats;

        private Replica(String name, Process process, Path stats) {
            this.name = name;
            this.process = process;
            this.stats = stats;
        }

        static Replica start(String name, String zooKeeper, TemporaryPostgreSql postgres, MapiqSimulator simulator,
                             Path work) throws IOException {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            ProcessBuilder builder = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-Dreplica.sessionTimeout=" + SESSION_TIMEOUT_MILLIS, "-Dreplica.batch=" + BATCH,
                    "-Dreplica.stateDb.url=" + postgres.jdbcUrl(), "-Dreplica.stateDb.user=postgres",
                    "-cp", classPath, ReplicaMain.class.getName(),
                    name, zooKeeper, simulator.baseUrl(), simulator.tokenUrl(), work.toString());
            builder.environment().put("MAPIQ_CLIENT_SECRET", MapiqSimulator.DEMO_CLIENT_SECRET);
            builder.directory(RouteFiles.PROJECT_ROOT.resolve("routes").toFile());
            builder.redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
            return new Replica(name, builder.start(), work.resolve(name + ".stats"));
        }

        /** What the replica last reported (written atomically every 100 ms); nothing yet: no calls, not leading. */
        Stats stats() {
            if (!Files.exists(stats)) {
                return new Stats(0, false);
            }
            Properties values = new Properties();
            try (var reader = Files.newBufferedReader(stats)) {
                values.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Stats(Long.parseLong(values.getProperty("calls", "0")),
                    Boolean.parseBoolean(values.getProperty("leader")));
        }
    }
}
