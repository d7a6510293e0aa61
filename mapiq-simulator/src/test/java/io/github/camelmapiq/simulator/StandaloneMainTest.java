package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneMainTest {

    @Test
    void commandLineStartsAServerAndPrintsHowToUseIt() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MapiqSimulator sim = MapiqSimulatorMain.run(new String[] {"--port", "0", "--users", "9", "--seed", "3",
            "--token-lifetime", "60", "--rate-limit", "0", "--bare-arrays"},
                new PrintStream(out, true, StandardCharsets.UTF_8))) {
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains(sim.baseUrl()).contains(sim.tokenUrl())
                    .contains(MapiqSimulator.DEMO_CLIENT_ID).contains(MapiqSimulator.DEMO_CLIENT_SECRET);
            Api api = new Api(sim).login();
            assertThat(api.get("/v2/users").json()).hasSize(9);
            assertThat(api.tokenRequest(TokenEndpointTest.valid()).json().get("expires_in").asLong()).isEqualTo(60);
        }
    }

    @Test
    void helpPrintsUsageAndStartsNothing() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(MapiqSimulatorMain.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isNull();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--port").contains("--users");
        assertThatThrownBy(() -> MapiqSimulatorMain.run(new String[] {"--bogus"}, System.out))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
