package io.github.camelmapiq.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.consumer.state.PostgreSqlBinaries;
import io.github.camelmapiq.mapiq.consumer.state.TemporaryPostgreSql;

/**
 * The {@code changes} case, from the measuring JVM: {@code changesOnly} over the 61-day window in child JVMs of
 * {@code --changes-heap}, first the plain client's listing of the same window (the reference every poll's time is
 * compared with), then the consumer with its state in each store of {@code --stores}: in memory, in an embedded H2
 * database, in a throw-away PostgreSQL server started here for the case as the component's tests start theirs
 * ({@link TemporaryPostgreSql}) and stopped when the case ends. Without PostgreSQL's server binaries the PostgreSQL
 * rows are SKIPPED, with the reason.
 */
final class ChangesCase {

    private final SimulatorProcess simulator;
    private final LocalDate today;
    private final BenchmarkOptions options;
    private final PrintStream out;
    private final String heap;

    ChangesCase(SimulatorProcess simulator, LocalDate today, BenchmarkOptions options, PrintStream out) {
        this.simulator = simulator;
        this.today = today;
        this.options = options;
        this.out = out;
        this.heap = "-Xmx" + options.changesHeap();
    }

    List<Figure> run() {
        List<Figure> figures = new ArrayList<>(child(HeapBoundCase.MILLION_PLAIN,
                polls(MapiqBenchmark.CHANGES_PLAIN), List.of()));
        if (options.keepsStateIn(BenchmarkOptions.MEMORY)) {
            figures.addAll(child(HeapBoundCase.CHANGES,
                    polls(MapiqBenchmark.CHANGES_FIRST, MapiqBenchmark.CHANGES_SECOND), List.of()));
        }
        if (options.keepsStateIn(BenchmarkOptions.H2)) {
            figures.addAll(child(HeapBoundCase.CHANGES_IN_DATABASE,
                    polls(MapiqBenchmark.CHANGES_DB_FIRST, MapiqBenchmark.CHANGES_DB_SECOND), List.of()));
        }
        if (options.keepsStateIn(BenchmarkOptions.POSTGRESQL)) {
            figures.addAll(postgreSql());
        }
        return figures;
    }

    /** The three polls with the state in PostgreSQL, in a server of their own; SKIPPED when there is none to start. */
    private List<Figure> postgreSql() {
        Map<String, Figure.Builder> polls = polls(MapiqBenchmark.CHANGES_PG_FIRST, MapiqBenchmark.CHANGES_PG_UNCHANGED,
                MapiqBenchmark.CHANGES_PG_SECOND);
        try {
            PostgreSqlBinaries.find();
        } catch (IOException e) {
            out.println("    PostgreSQL rows skipped: " + e.getMessage());
            return polls.values().stream().map(p -> p.skipped(e.getMessage())).toList();
        }
        Path parent = options.output().toAbsolutePath().getParent();
        TemporaryPostgreSql server;
        try {
            server = TemporaryPostgreSql.start(parent);
        } catch (Exception e) {
            return polls.values().stream().map(p -> p.outcome(Figure.FAILED, "could not start PostgreSQL: "
                                                                             + Rounds.describe(e))).toList();
        }
        out.println("    PostgreSQL started for the case: " + server.jdbcUrl());
        try {
            return child(HeapBoundCase.CHANGES_IN_POSTGRESQL, polls, List.of(server.jdbcUrl()));
        } finally {
            try {
                server.close();
            } catch (Exception e) {
                out.println("    could not stop PostgreSQL: " + Rounds.describe(e));
            }
        }
    }

    /** The figures of a child's polls, labelled in the order the child measures them. */
    private Map<String, Figure.Builder> polls(String... clients) {
        List<String> labels = clients.length == 1 ? List.of(HeapBoundCase.FIRST)
                : clients.length == 2 ? List.of(HeapBoundCase.FIRST, HeapBoundCase.SECOND)
                : List.of(HeapBoundCase.FIRST, HeapBoundCase.UNCHANGED, HeapBoundCase.SECOND);
        Map<String, Figure.Builder> polls = new LinkedHashMap<>();
        for (int i = 0; i < clients.length; i++) {
            polls.put(labels.get(i), Figure.of("changes", clients[i], heap, "records"));
        }
        return polls;
    }

    private List<Figure> child(String kind, Map<String, Figure.Builder> polls, List<String> more) {
        return ChildCaseRun.run(kind, options.changesHeap(), simulator, today, options, polls, more, out);
    }
}
