package io.github.camelmapiq.mapiq.consumer;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmapiq.mapiq.consumer.state.TemporaryPostgreSql;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test: a child JVM ({@link CrashTestConsumerMain}) runs a {@code changesOnly} route and is killed hard
 * ({@code destroyForcibly}, SIGKILL) at random moments, many times, while the simulator's users are created, updated
 * and deleted; it is restarted after each kill. Every mutation touches a record no other mutation touches, so each must
 * reach the downstream file as its own change; they start once the child has stored the initial users. At the end every one has arrived at least once (lost = 0), and the
 * duplicates stay within the batch in flight at each kill ({@code maxMessagesPerPoll=20}). Every other kill is aimed
 * between a delivery and its state write: the test creates a user, kills the child as soon as the user's
 * {@code CREATED} reaches the downstream file (each exchange waits 30 ms after its line before it completes), and
 * deletes the user while the child is down; its {@code DELETED} must arrive too. The figures are printed and reported
 * in {@code docs/reliability.md}. Run with the state in a {@code stateFile} and in PostgreSQL.
 */
class KilledConsumerLosesNothingTest extends ConsumerTestSupport {

    /** A child JVM's start and first polls take long on a slow or busy machine. */
    private static final Duration CHILD_JVM_WAIT = Duration.ofMinutes(3);

    private final List<Process> children = new ArrayList<>();

    private static final int KILLS = 15;
    private static final int BATCH = 20;
    private static final int INITIAL_USERS = 300;

    @TempDir
    Path dir;

    @Test
    void withTheStateInAFile() throws Exception {
        report("file", crashTest("file", dir.resolve("mapiq.state").toString(), new Random(12)));
    }

    @Test
    void withTheStateInPostgreSql() throws Exception {
        try (TemporaryPostgreSql postgres = TemporaryPostgreSql.start(Path.of("target"))) {
            report("PostgreSQL", crashTest("jdbc", postgres.jdbcUrl(), new Random(34)));
        }
    }

    record Figures(int kills, int aimedKills, int mutations, int lost, int duplicates, int delivered) {
    }

    private Figures crashTest(String store, String where, Random random) throws Exception {
        List<String> untouched = new ArrayList<>();
        for (int i = 0; i < INITIAL_USERS; i++) {
            untouched.add(id(addUser("Initial" + i)));
        }
        Set<String> expected = new LinkedHashSet<>();
        allIds("users").forEach(id -> expected.add("CREATED " + id));
        Path downstream = dir.resolve("downstream-" + store + ".txt");
        Files.createFile(downstream);

        // the first run catches up and stores the initial users; the mutations and kills start after it
        Process first = startChild(store, where, downstream);
        eventually().atMost(CHILD_JVM_WAIT).until(() -> missing(expected, downstream).isEmpty());
        awaitPolls("/v2/users", 3);

        AtomicBoolean mutating = new AtomicBoolean(true);
        int[] mutations = new int[1];
        Thread mutator = new Thread(() -> {
            Random pick = new Random(random.nextLong());
            while (mutating.get() && untouched.size() > 2) {
                int n = mutations[0]++;
                switch (n % 3) {
                    case 0 -> {
                        String id = id(addUser("Added" + n));
                        synchronized (expected) {
                            expected.add("CREATED " + id);
                        }
                    }
                    case 1 -> {
                        String id = untouched.remove(pick.nextInt(untouched.size()));
                        control.update("users", id, Map.of("department", "mutation-" + n));
                        synchronized (expected) {
                            expected.add("UPDATED " + id + " mutation-" + n);
                        }
                    }
                    default -> {
                        String id = untouched.remove(pick.nextInt(untouched.size()));
                        control.delete("users", id);
                        synchronized (expected) {
                            expected.add("DELETED " + id);
                        }
                    }
                }
                sleep(15 + pick.nextInt(30));
            }
        }, "mutator");
        mutator.start();
        int aimed = 0;
        try {
            for (int kill = 0; kill < KILLS; kill++) {
                Process child = kill == 0 ? first : startChild(store, where, downstream);
                if (kill % 2 == 1) {
                    // between a delivery and its state write: as soon as a new user's CREATED is downstream
                    long from = Files.size(downstream);
                    String created = "CREATED " + id(addUser("Aimed" + kill));
                    eventually().atMost(CHILD_JVM_WAIT).pollInterval(Duration.ofMillis(2))
                            .until(() -> linesFrom(downstream, from).contains(created));
                    child.destroyForcibly();
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    String id = created.substring("CREATED ".length());
                    control.delete("users", id);
                    synchronized (expected) {
                        expected.add(created);
                        expected.add("DELETED " + id);
                    }
                    aimed++;
                } else {
                    Thread.sleep(400 + random.nextInt(2200)); // at any moment: starting, polling, storing
                    child.destroyForcibly();
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                }
            }
        } finally {
            mutating.set(false);
            mutator.join();
        }
        Process last = startChild(store, where, downstream);
        try {
            eventually().atMost(CHILD_JVM_WAIT).until(() -> missing(expected, downstream).isEmpty());
            awaitPolls("/v2/users", 3);
        } catch (ConditionTimeoutException lost) {
            // what never arrived is reported below, change by change
        } finally {
            last.destroyForcibly();
            last.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(downstream, StandardCharsets.UTF_8);
        Map<String, Integer> times = new HashMap<>();
        lines.forEach(line -> times.merge(change(line), 1, Integer::sum));
        int duplicates = times.values().stream().mapToInt(t -> t - 1).sum();
        Figures figures = new Figures(KILLS, aimed, mutations[0], missing(expected, downstream).size(), duplicates,
                lines.size());
        assertThat(missing(expected, downstream)).as("changes lost").isEmpty();
        assertThat(duplicates).as("duplicates, at most one batch of %d per kill", BATCH).isLessThanOrEqualTo(
                BATCH * KILLS);
        return figures;
    }

    /** "TYPE id" of each downstream line written after byte {@code from}. */
    private static List<String> linesFrom(Path downstream, long from) throws Exception {
        byte[] all = Files.readAllBytes(downstream);
        String text = new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8);
        return text.lines().map(KilledConsumerLosesNothingTest::change).toList();
    }

    /** The changes expected that the downstream has not received. */
    private static List<String> missing(Set<String> expected, Path downstream) throws Exception {
        Set<String> received = new LinkedHashSet<>();
        for (String line : Files.readAllLines(downstream, StandardCharsets.UTF_8)) {
            received.add(line.startsWith("UPDATED") ? line : change(line));
        }
        synchronized (expected) {
            return expected.stream().filter(change -> !received.contains(change)).toList();
        }
    }

    /** "TYPE id" of a downstream line "TYPE id department". */
    private static String change(String line) {
        String[] parts = line.split(" ");
        return parts[0].equals("UPDATED") ? line : parts[0] + " " + parts[1];
    }

    private Process startChild(String store, String where, Path downstream) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = dir.resolve("child-" + store + ".log").toFile();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dmapiq.crash.settleMillis=30", "-cp",
                System.getProperty("java.class.path"), CrashTestConsumerMain.class.getName(), sim.baseUrl(),
                sim.tokenUrl(), downstream.toString(), store, where)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log)).start();
        children.add(child);
        return child;
    }

    /** No child outlives its test, also when the test fails half-way. */
    @AfterEach
    void killChildren() throws InterruptedException {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        children.clear();
    }

    private static void report(String store, Figures figures) {
        System.out.printf("Crash test (%s): %d kills (%d aimed between a delivery and its state write), %d mutations, "
                          + "%d changes delivered, lost %d, duplicates %d%n", store, figures.kills(),
                figures.aimedKills(), figures.mutations(), figures.delivered(), figures.lost(), figures.duplicates());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
