package io.github.camelmapiq.mapiq.consumer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disk that fills up under a {@code stateFile}: a child JVM ({@link CrashTestConsumerMain}) runs with its file size
 * limited ({@code prlimit --fsize}, so that writes past it fail with "File too large"), and the state outgrows the limit.
 * After 3 failed writes in a row (the page's write-ahead marks, or the poll's state) the consumer logs one ERROR and
 * its readiness is DOWN with the cause, delivering nothing whose mark it cannot write; once the limit is lifted
 * ({@code prlimit --pid}) it writes what it kept, delivers again, and every change arrives.
 * A restart then delivers none of them again: the state was written whole, with no torn bytes left in the file.
 */
class AFullDiskPausesPollingUntilTheStateCanBeWrittenTest extends ConsumerTestSupport {

    /** A child JVM's start and first polls take long on a slow or busy machine. */
    private static final Duration CHILD_JVM_WAIT = Duration.ofMinutes(3);
    /** The largest file the child may write, in bytes: the state outgrows it, the downstream file does not. */
    private static final long FILE_SIZE_LIMIT = 48 * 1024;

    private final List<Process> children = new ArrayList<>();
    private final List<String> childOutput = new CopyOnWriteArrayList<>();

    @TempDir
    Path dir;

    @Test
    void pollingPausesWithTheCauseAndResumesWithNothingLost() throws Exception {
        Path state = dir.resolve("mapiq.state");
        Path downstream = Files.createFile(dir.resolve("downstream.txt"));
        Path status = dir.resolve("status.txt");
        for (int i = 0; i < 40; i++) {
            addUser("Initial" + i);
        }
        List<String> expected = new ArrayList<>(allCreated("users"));
        Process child = startChild(state, downstream, status, true);
        eventually().atMost(CHILD_JVM_WAIT).until(() -> received(downstream).containsAll(expected));
        awaitPolls("/v2/users", 3); // the last of them stored
        assertThat(Files.size(state)).isLessThan(FILE_SIZE_LIMIT);

        for (int i = 0; i < 400; i++) { // their state, with bodies, is about twice the limit
            expected.add("CREATED " + id(addUser("Filling" + i)));
        }
        eventually().atMost(CHILD_JVM_WAIT).until(() -> childOutput.stream().anyMatch(line -> line.contains(" ERROR ")));
        eventually().until(() -> Files.exists(status) && Files.readString(status).startsWith("DOWN"));
        assertThat(Files.readString(status)).contains("File too large");
        assertThat(Files.size(state)).isLessThanOrEqualTo(FILE_SIZE_LIMIT);
        assertThat(received(downstream).containsAll(expected)).as("polling stopped before every change arrived")
                .isFalse();

        Process lift = new ProcessBuilder("prlimit", "--pid", String.valueOf(child.pid()), "--fsize=unlimited")
                .inheritIO().start();
        assertThat(lift.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(lift.exitValue()).isZero();
        eventually().atMost(CHILD_JVM_WAIT).until(() -> received(downstream).containsAll(expected)
                                                        && Files.readString(status).startsWith("UP"));
        awaitPolls("/v2/users", 3);
        assertThat(childOutput.stream().filter(line -> line.contains(" ERROR ")))
                .singleElement().satisfies(line -> assertThat(line).contains("StateWriteFailures")
                        .contains("could not be written 3 times in a row").contains("File too large"));
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        long delivered = Files.readAllLines(downstream).size();
        Process again = startChild(state, downstream, status, false);
        eventually().atMost(CHILD_JVM_WAIT).until(() -> Files.exists(status)
                                                        && Files.readString(status).startsWith("UP"));
        awaitPolls("/v2/users", 3);
        assertThat(Files.readAllLines(downstream)).as("nothing delivered again after a restart").hasSize(
                (int) delivered);
        again.destroyForcibly();
    }

    private static List<String> received(Path downstream) throws Exception {
        return Files.readAllLines(downstream, StandardCharsets.UTF_8).stream()
                .map(line -> line.substring(0, line.lastIndexOf(' '))).toList();
    }

    private Process startChild(Path state, Path downstream, Path status, boolean limited) throws Exception {
        Files.deleteIfExists(status);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (limited) {
            command.addAll(List.of("prlimit", "--fsize=" + FILE_SIZE_LIMIT + ":unlimited")); // soft: it may be lifted
        }
        command.addAll(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), CrashTestConsumerMain.class.getName(), sim.baseUrl(),
                sim.tokenUrl(), downstream.toString(), "file", state.toString(), "deletedRecordBodies=true",
                status.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        children.add(child);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    childOutput.add(line);
                }
            } catch (Exception ended) {
                // the child is gone
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
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
}
