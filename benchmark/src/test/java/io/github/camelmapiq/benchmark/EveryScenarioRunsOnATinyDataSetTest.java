package io.github.camelmapiq.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness works: every scenario runs against a 20-user simulator, counts what it should, and the results reach the
 * console and the Markdown file. No figure is asserted: speed and memory are read from a real run, not tested.
 */
class EveryScenarioRunsOnATinyDataSetTest {

    @Test
    void everyScenarioMeasuresWhatItShouldAndWritesTheTable(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("results.md");
        BenchmarkOptions options = BenchmarkOptions.parse("--users", "20", "--checkins", "40", "--readings", "1200",
                "--calls", "64", "--threads", "4", "--timeout-seconds", "30", "--output", output.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        List<Measurement> results = new MapiqBenchmark(options, new PrintStream(console, true, StandardCharsets.UTF_8))
                .run();

        assertThat(results).allSatisfy(m -> assertThat(m.outcome()).as(m.scenario() + " " + m.variant() + ": "
                                                                       + m.note()).isEqualTo(Measurement.OK));
        assertThat(results).extracting(Measurement::scenario)
                .contains("generation", "token", "producer", "consumer", "changes");
        assertThat(find(results, "token", "mapiq:raw").count()).isEqualTo(64);
        assertThat(find(results, "token", "mapiq:raw").note()).contains("token requests seen by the simulator: 1");
        assertThat(find(results, "producer", "create").count()).isEqualTo(40);
        assertThat(find(results, "producer", "ingest").count()).isEqualTo(1200);
        long everything = find(results, "generation", "users=20").count();
        assertThat(find(results, "consumer", "61-day window, splitResult=true, pojo").count()).isEqualTo(everything);
        assertThat(find(results, "consumer", "61-day window, splitResult=true, json").count()).isEqualTo(everything);
        assertThat(find(results, "changes", "first poll").count()).isEqualTo(everything);
        assertThat(find(results, "changes", "second poll").count())
                .isEqualTo(ChangesOnlyScenario.UPDATED + ChangesOnlyScenario.DELETED);
        assertThat(Files.readString(output)).contains("| consumer | 61-day window, splitResult=true, json |");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Written to");
    }

    @Test
    void aBadArgumentIsNamedWithWhatIsAllowed() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--scenario", "consumer,speed"))
                .hasMessageContaining("Unknown --scenario 'speed'").hasMessageContaining("generation, token");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--users", "-3"))
                .hasMessageContaining("--users must be a positive whole number, was '-3'");
    }

    private static Measurement find(List<Measurement> results, String scenario, String variant) {
        return results.stream().filter(m -> m.scenario().equals(scenario) && m.variant().contains(variant))
                .findFirst().orElseThrow(() -> new AssertionError("no result " + scenario + " / " + variant));
    }
}
