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
 * the Markdown file. The {@code changes} case keeps its state in a throw-away PostgreSQL server too, so this test needs
 * PostgreSQL's server binaries, as the component's tests do (CONTRIBUTING.md). No figure is asserted: speed and
 * memory are read from a real run, not tested.
 */
class EveryCaseRunsOnATinyDataSetTest {

    @Test
    void everyClientDeliversWhatTheSimulatorHoldsAndTheTablesAreWritten(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("results.md");
        BenchmarkOptions options = BenchmarkOptions.parse("--users", "20", "--warmups", "1", "--extra-warmups", "0", "--rounds", "1",
                "--week-listings", "2", "--calls", "64", "--threads", "4", "--timeout-seconds", "300", "--simulator-heap", "256m",
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
            assertThat(find(figures, weekClient).counts()).as(weekClient + ", two listings a round")
                    .containsExactly(2 * result.weekRecords());
        }
        assertThat(find(figures, MapiqBenchmark.MILLION_PLAIN).counts()).containsExactly(result.records());
        assertThat(find(figures, MapiqBenchmark.MILLION_CONSUMER).counts()).containsExactly(result.records());
        assertThat(find(figures, MapiqBenchmark.CHANGES_PLAIN).counts()).containsExactly(result.records());
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
        // then the state in a throw-away PostgreSQL server: two rounds in memory, two in H2 and its own warm-up
        assertThat(find(figures, MapiqBenchmark.CHANGES_PG_FIRST).counts())
                .containsExactly(result.records() - 5L * HeapBoundCase.DELETED);
        assertThat(find(figures, MapiqBenchmark.CHANGES_PG_UNCHANGED).counts()).containsExactly(0L);
        assertThat(find(figures, MapiqBenchmark.CHANGES_PG_UNCHANGED).written()).containsExactly(0L);
        assertThat(find(figures, MapiqBenchmark.CHANGES_PG_SECOND).counts())
                .containsExactly((long) HeapBoundCase.MOVED + HeapBoundCase.DELETED);
        assertThat(find(figures, MapiqBenchmark.CHANGES_PG_SECOND).written())
                .containsExactly((long) HeapBoundCase.MOVED + HeapBoundCase.DELETED);
        assertThat(find(figures, MapiqBenchmark.CHANGES_PG_SECOND).note())
                .contains("20 rows written to mapiq_snapshot_record (0 inserted, 10 updated, 10 deleted)");
        for (String callsClient : List.of(MapiqBenchmark.CALLS_PLAIN, MapiqBenchmark.CALLS_CAMEL_HTTP,
                MapiqBenchmark.CALLS_RAW, MapiqBenchmark.CALLS_GET)) {
            assertThat(find(figures, callsClient).counts()).as(callsClient).containsExactly(64L);
        }
        assertThat(find(figures, MapiqBenchmark.PLAIN).tokens()).isEqualTo(1);
        assertThat(find(figures, MapiqBenchmark.CALLS_RAW).tokens()).isEqualTo(1);
        assertThat(find(figures, MapiqBenchmark.CALLS_GET).tokens()).isEqualTo(1);

        String markdown = Files.readString(output);
        assertThat(markdown).contains("## A week of workspace reservations (" + result.weekRecords()
                                      + " records, 1000 per page), listed 2 time(s) a round")
                .contains("| `mapiq:workspace-reservations?operation=list` |")
                .contains("| changesOnly, poll after 20 changes (10 moved, 10 deleted) | `-Xmx512m` | 20 |")
                .contains("| changesOnly, state in H2 (stateDataSource), poll after the 20 changes | `-Xmx512m` | 20 |")
                .contains("| changesOnly, state in PostgreSQL (stateDataSource), poll with nothing changed "
                          + "| `-Xmx512m` | 0 |")
                .contains("| changesOnly, state in PostgreSQL (stateDataSource), poll after the 20 changes "
                          + "| `-Xmx512m` | 20 |")
                .contains("| `mapiq:raw` |")
                .containsPattern("\\| `mapiq:raw` \\|[^\\n]*OK: CPU per call: clients [0-9.]+ µs, simulator [0-9.]+ µs")
                .contains("| `mapiq:users?operation=get&getCacheTtl=10m` |")
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
    void withoutPostgreSqlItsRowsSaySkippedAndWhyWhileTheOthersGetTheirVerdict() {
        String reason = "PostgreSQL's server binaries (initdb, pg_ctl) are not found";
        Figure plain = Figure.of("changes", MapiqBenchmark.CHANGES_PLAIN, "-Xmx512m", "records").expect(400)
                .round(false, 400, 1_000_000_000L).build();
        Figure inMemory = Figure.of("changes", MapiqBenchmark.CHANGES_FIRST, "-Xmx512m", "records").expect(400)
                .round(false, 400, 2_000_000_000L).build();
        Figure skipped = Figure.of("changes", MapiqBenchmark.CHANGES_PG_SECOND, "-Xmx512m", "records")
                .skipped(reason);

        String markdown = new Report(BenchmarkOptions.parse()).markdown(List.of(plain, inMemory, skipped));

        assertThat(markdown).contains("| changesOnly, first poll (every record CREATED) | `-Xmx512m` | 400 | 2.00 s "
                                      + "| 200 | 2.00x |  | fits in 512 MiB | PASS | OK |")
                .contains("| changesOnly, state in PostgreSQL (stateDataSource), poll after the 20 changes "
                          + "| `-Xmx512m` |  | **SKIPPED** |  |  |  | fits in 512 MiB, ≤ 2x plain's time, exactly 20 rows written "
                          + "in every round | skipped | SKIPPED: " + reason + " |");
    }

    @Test
    void aBadArgumentIsNamedWithWhatIsAllowed() {
        assertThatThrownBy(() -> BenchmarkOptions.parse("--case", "week,speed"))
                .hasMessageContaining("Unknown --case 'speed'").hasMessageContaining("week, million");
        assertThatThrownBy(() -> BenchmarkOptions.parse("--stores", "postgresql,mongo"))
                .hasMessageContaining("Unknown --stores 'mongo'").hasMessageContaining("memory, h2, postgresql");
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
