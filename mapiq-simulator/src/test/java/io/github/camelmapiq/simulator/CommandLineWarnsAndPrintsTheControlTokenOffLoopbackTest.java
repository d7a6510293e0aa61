package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The standalone simulator started with {@code --host 0.0.0.0} warns that it is reachable from other machines and
 * prints its control token exactly once; on loopback it prints neither. The assertions look at the output with the
 * token blanked out, so that no failure message shows it.
 */
class CommandLineWarnsAndPrintsTheControlTokenOffLoopbackTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private MapiqSimulatorMain.Launch launch(String... args) {
        return MapiqSimulatorMain.launch(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    @Test
    void wildcardHostPrintsTheWarningAndTheTokenOnce() {
        MapiqSimulatorMain.Launch l = launch("--host", "0.0.0.0", "--port", "0", "--users", "1");
        try (MapiqSimulator sim = l.simulator()) {
            assertThat(l.exitCode()).isZero();
            String token = sim.controlToken().orElseThrow();
            String text = out.toString(StandardCharsets.UTF_8);
            assertThat(occurrences(text, token)).as("times the control token is printed").isEqualTo(1);
            String shown = text.replace(token, "<control token>");
            assertThat(shown).contains("control token   <control token>   (header X-Simulator-Control-Token")
                    .contains("WARNING: listening on 0.0.0.0, not on loopback: the simulator is reachable from other"
                            + " machines.")
                    .contains("Its API accepts any registered client")
                    .contains("control plane (/_simulator) is protected by the control token")
                    .containsOnlyOnce("WARNING");
            assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();

            // the printed token is the one that opens the control plane (called on 127.0.0.1: loopback only)
            String control = "http://127.0.0.1:" + sim.port() + "/_simulator";
            assertThat(Api.send(HttpRequest.newBuilder(URI.create(control)).timeout(Duration.ofSeconds(60))
                    .GET().build()).status()).isEqualTo(401);
            assertThat(Api.send(HttpRequest.newBuilder(URI.create(control)).timeout(Duration.ofSeconds(60))
                    .header(MapiqSimulator.CONTROL_TOKEN_HEADER, token).GET().build()).status()).isEqualTo(200);
        }
    }

    @Test
    void loopbackHostPrintsNeitherWarningNorToken() {
        MapiqSimulatorMain.Launch l = launch("--host", "127.0.0.1", "--port", "0", "--users", "1");
        try (MapiqSimulator sim = l.simulator()) {
            assertThat(sim.controlToken()).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("control plane   " + sim.baseUrl())
                    .doesNotContain("control token").doesNotContain("WARNING");
        }
    }
}
