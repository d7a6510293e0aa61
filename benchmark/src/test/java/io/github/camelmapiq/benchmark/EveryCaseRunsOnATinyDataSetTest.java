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
 * The harness works: every case runs against a 20-user simulator in its own JVM, the heap-bound cases in child JVMs,
 * every client delivers exactly the records the simulator holds for the window, and the tables reach the console and
 * the Markdown file. No figure is asserted: speed and memory are read from a real run, not tested.
 */
class EveryCaseRunsOnATinyDataSetTest {

    @Test
    void everyClientDeliversWhatTheSimulatorHoldsAndTheTablesAreWritten(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("results.md");
        BenchmarkOptions options = BenchmarkOptions.parse("--users", "20", "--warmups", "1", "--extra-warmups", "0", "--rounds", "1",
                "--calls", "64", "--threads", "4", "--timeout-seconds", "300", "--simulator-heap", "256m",
                "--output", output.toString());
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        MapiqBenchmark.Result result = new MapiqBenchmark(options, new PrintStream(console, true,
                StandardCharsets.UTF_8)).run();

        List<Figure> figures = result.figures();
        assertThat(figures).allSatisfy(f -> assertThat(f.outcome()).as(f.client() + ": " + f.note())
                .isEqualTo(Figure.OK));
        assertThat(result.records()).isGreaterThan(100);
        assertThat(result.weekRecords()).isPositive().isLessThan(result.records());
        for (String weekClient : List.of(MapiqBenchmark.PLAIN, MapiqBenchmark.CAMEL_HTTP, MapiqBenchmark.LIST,
                MapiqBenchmark.CONSUMER_POJO, MapiqBenchmark.CONSUMER_JSON)) {
            assertThat(find(figures, weekClient).counts()).as(weekClient).containsExactly(result.weekRecords());
        }
        assertThat(find(figures, MapiqBenchmark.MILLION_PLAIN).counts()).containsExactly(result.records());
        assertThat(find(figures, MapiqBenchmark.MILLION_CONSUMER).counts()).containsExactly(result.records());
        // the warm-up round deleted 10 reservations before the measured first poll
        assertThat(find(figures, MapiqBenchmark.CHANGES_FIRST).counts())
                .containsExactly(result.records() - HeapBoundCase.DELETED);
        assertThat(find(figures, MapiqBenchmark.CHANGES_SECOND).counts())
                .containsExactly((long) HeapBoundCase.MOVED + HeapBoundCase.DELETED);
        // then the state in H2: the two rounds in memory and its own warm-up deleted 10 each
        assertThat(find(figures, MapiqBenchmark.CHANGES_DB_FIRST).counts())
                .containsExactly(result.records() - 3L * HeapBoundCase.DELETED);
        assertThat(find(figures, MapiqBenchmark.CHANGES_DB_SECOND).counts())
                .containsExactly((long) HeapBoundCase.MOVED + HeapBoundCase.DELETED);
        for (String callsClient : List.of(MapiqBenchmark.CALLS_PLAIN, MapiqBenchmark.CALLS_CAMEL_HTTP,
                MapiqBenchmark.CALLS_RAW)) {
            assertThat(find(figures, callsClient).counts()).as(callsClient).containsExactly(64L);
        }
        assertThat(find(figures, MapiqBenchmark.PLAIN).tokens()).isEqualTo(1);
        assertThat(find(figures, MapiqBenchmark.CALLS_RAW).tokens()).isEqualTo(1);

        String markdown = Files.readString(output);
        assertThat(markdown).contains("## A week of workspace reservations (" + result.weekRecords()
                                      + " records, 1000 per page)")
                .contains("| `mapiq:workspace-reservations?operation=list` |")
                .contains("| changesOnly, poll after 20 changes (10 moved, 10 deleted) | `-Xmx512m` | 20 |")
                .contains("| changesOnly, state in H2 (stateDataSource), poll after the 20 changes | `-Xmx512m` | 20 |")
                .contains("| `mapiq:raw` |")
                .contains("cores").contains("JVM: ");
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Written to");
    }

    @Test
    void aFigureIsFailedWhenARoundDeliversAnotherCountThanTheSimulatorHolds() {
        Figure figure = Figure.of("week", "a client", "here", "records").expect(100).round(true, 100, 5)
                .round(false, 99, 5).build();

        assertThat(figure.outcome()).isEqualTo(Figure.FAILED);
        assertThat(figure.note()).isEqualTo("round 1 handled 99 records, expected 100");
    }

    @Test
    void aBadArgumentIsNamedWithWhatIsAllowed() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--case", "week,speed"))
                .hasMessageContaining("Unknown --case 'speed'").hasMessageContaining("week, million");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--rounds", "0"))
                .hasMessageContaining("--rounds must be a whole number of at least 1, was '0'");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--million-heap", "lots"))
                .hasMessageContaining("--million-heap must be a heap size like 256m or 2g, was 'lots'");
    }

    private static Figure find(List<Figure> figures, String client) {
        return figures.stream().filter(f -> f.client().equals(client)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure for " + client));
    }
}
