package io.github.camelmapiq.simulator;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** What a developer sees when the standalone simulator is started wrongly: a one-line reason naming the option. */
class CommandLineRejectsBadOptionsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private MapiqSimulatorMain.Launch launch(String... args) {
        return MapiqSimulatorMain.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "--port, abc, whole number",
        "--port, 70000, 0..65535",
        "--seed, x, whole number",
        "--users, -1, at least 0",
        "--users, many, whole number",
        "--token-lifetime, 0, at least 1",
        "--rate-limit, -5, at least 0",
        "--checkin-throttle, -1, at least 0",
        "--retention-days, -3, at least 0",
    })
    void badValueExitsWithCode2AndNamesTheOption(String option, String value, String expected) {
        MapiqSimulatorMain.Launch l = launch("--port", "0", option, value);
        assertThat(l.simulator()).isNull();
        assertThat(l.exitCode()).isEqualTo(2);
        assertThat(errText()).startsWith("error: " + option).contains(expected).contains("usage:")
                .doesNotContain("Exception");
    }

    @Test
    void unknownOptionAndMissingValueExitWithCode2() {
        assertThat(launch("--bogus").exitCode()).isEqualTo(2);
        assertThat(errText()).contains("error: unknown option --bogus");
        err.reset();
        assertThat(launch("--port").exitCode()).isEqualTo(2);
        assertThat(errText()).contains("error: --port needs a value");
    }

    @Test
    void helpPrintsUsageToStandardOutAndExitsWithCode0() {
        MapiqSimulatorMain.Launch l = launch("--help");
        assertThat(l.exitCode()).isZero();
        assertThat(l.simulator()).isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:").contains("--retention-days");
        assertThat(errText()).isEmpty();
    }

    @Test
    void portInUseExitsWithCode1AndAOneLineReason() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            MapiqSimulatorMain.Launch l = launch("--port", Integer.toString(taken.getLocalPort()));
            assertThat(l.simulator()).isNull();
            assertThat(l.exitCode()).isEqualTo(1);
            assertThat(errText()).startsWith("error: cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void goodOptionsStartAServerWithExitCode0() {
        MapiqSimulatorMain.Launch l = launch("--port", "0", "--users", "2", "--rate-limit", "0");
        try (MapiqSimulator sim = l.simulator()) {
            assertThat(l.exitCode()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(sim.baseUrl());
        }
    }
}
