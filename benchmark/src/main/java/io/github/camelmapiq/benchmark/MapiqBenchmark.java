package io.github.camelmapiq.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the mapiq component against the embedded simulator (loopback, rate limit off) with a million workspace
 * reservations: data generation, producer throughput, token sharing under concurrency, consumer throughput and memory
 * with and without {@code changesOnly}. Prints a table and writes it as Markdown. Speed and memory of this project are
 * measured here, never by timed unit tests. See {@code benchmark/README.md} for the command and the figures.
 */
public final class MapiqBenchmark {

    private final BenchmarkOptions options;
    private final PrintStream out;

    MapiqBenchmark(BenchmarkOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new MapiqBenchmark(options, System.out).run();
        System.exit(0); // the simulator's and Camel's leftover threads must not keep the JVM alive
    }

    /** Runs the chosen scenarios, prints and writes the results, and answers them. */
    List<Measurement> run() throws Exception {
        out.println(environment());
        List<Measurement> results = new ArrayList<>();
        try (SimulatorFixture fixture = new SimulatorFixture(options.users())) {
            results.addAll(report(new GenerationScenario().run(fixture, options)));
            if (!results.get(0).ok()) {
                return finish(results);
            }
            for (Scenario scenario : List.of(new TokenScenario(), new ProducerScenario(), new ConsumerScenario(),
                    new ChangesOnlyScenario())) {
                if (!options.runs(scenario.name())) {
                    continue;
                }
                List<Measurement> measured = report(runCaught(scenario, fixture));
                results.addAll(measured);
                if (!measured.get(measured.size() - 1).ok()) {
                    fixture.restart(); // it shares the heap: a shortage may have cost it a server thread
                }
            }
        }
        return finish(results);
    }

    /** A scenario that breaks down becomes a FAILED line, so that the others still run. */
    private List<Measurement> runCaught(Scenario scenario, SimulatorFixture fixture) {
        try {
            return scenario.run(fixture, options);
        } catch (Exception | OutOfMemoryError e) {
            e.printStackTrace();
            return List.of(new Measurement(scenario.name(), "(scenario broke down)", 0, "-", Duration.ZERO,
                    null, MeasuredRun.isOutOfMemory(e) ? MeasuredRun.OUT_OF_MEMORY : "FAILED", e.toString()));
        }
    }

    private List<Measurement> report(List<Measurement> measured) {
        for (Measurement m : measured) {
            out.printf(Locale.ROOT, "%-10s %-55s %,12d %-12s %8.1f s %,12.0f/s  live %,6d MB  %s  %s%n", m.scenario(),
                    m.variant(), m.count(), m.unit(), m.elapsed().toMillis() / 1000.0, m.perSecond(),
                    m.heap() == null ? 0 : m.heap().maxLiveMb(), m.outcome(), m.note() == null ? "" : m.note());
        }
        return measured;
    }

    private List<Measurement> finish(List<Measurement> results) throws IOException {
        ResultTable table = new ResultTable(results);
        out.println();
        out.print(table.toText());
        if (options.output().getParent() != null) {
            Files.createDirectories(options.output().getParent());
        }
        Files.writeString(options.output(), "# camel-mapiq benchmark results\n\n" + environment() + "\n\n"
                                            + table.toMarkdown() + "\n" + LEGEND);
        out.println();
        out.println("Written to " + options.output().toAbsolutePath().normalize());
        return results;
    }

    private String environment() {
        Runtime rt = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s, %d cores, Java %s, max heap %,d MB (%s), load average %.2f, "
                                          + "users=%,d, scenarios %s",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)),
                rt.availableProcessors(), System.getProperty("java.version"), rt.maxMemory() / (1024 * 1024),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:+Use")).toList()),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), options.users(),
                String.join(",", options.scenarios()));
    }

    private static final String LEGEND = """
            Heap baseline: heap in use after full GCs before the measurement (mostly the simulator's data, which
            shares this JVM). Peak heap: the most heap in use at any time (garbage included; it shows how far the
            collector let the heap fill). Live after GC: the most heap still in use right after a collection during
            the measurement; minus the baseline, it is what the measured work kept alive (an upper bound: G1's young
            collections leave dead old objects in place).
            """;
}
