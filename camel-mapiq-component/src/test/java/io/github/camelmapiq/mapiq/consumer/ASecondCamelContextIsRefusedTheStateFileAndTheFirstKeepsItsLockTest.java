package io.github.camelmapiq.mapiq.consumer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two CamelContexts of one JVM on one {@code stateFile}: the second is refused, and the first still holds the lock
 * file's lock as the operating system sees it (a second process finds it held), so that another process cannot take
 * the file either.
 */
class ASecondCamelContextIsRefusedTheStateFileAndTheFirstKeepsItsLockTest extends ConsumerTestSupport {

    @TempDir
    Path dir;

    @Test
    void theSecondIsRefusedAndTheFirstKeepsItsLock() throws Exception {
        addUser("Locked");
        Path file = dir.resolve("mapiq.state");
        String uri = "mapiq:users?changesOnly=true&stateFile=" + file + "&" + FAST;
        Recorder first = new Recorder();
        CamelContext holder = start(uri, first);
        eventually().until(() -> first.size() > 0);
        assertThat(probe(file)).isEqualTo("held");

        assertThatThrownBy(() -> start(uri, new Recorder())).hasStackTraceContaining(
                "stateFile " + file + " is in use by another");
        assertThat(probe(file)).as("the lock after the refusal").isEqualTo("held");

        holder.stop();
        assertThat(probe(file)).as("the lock once the first has stopped").isEqualTo("free");
    }

    /** What another process finds when it tries the lock file's lock. */
    private static String probe(Path file) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StateFileLockProbeMain.class.getName(), file + ".lock").redirectErrorStream(true).start();
        assertThat(probe.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
