package io.github.camelmapiq.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The command line of {@link MapiqBenchmark}. Every size and bound has a default that keeps a full run within a few
 * minutes on a 2-core machine; the smoke test passes tiny ones.
 *
 * @param scenarios  which scenarios to run, in the fixed order of {@link #ALL_SCENARIOS}
 * @param users      the simulator's data size driver (50,000 users give about a million workspace reservations)
 * @param checkins   check-in events posted by the producer scenario
 * @param readings   occupancy readings ingested by the producer scenario
 * @param calls      small calls made by the token scenario
 * @param threads    threads making them
 * @param timeout    longest a single measurement may take before it is reported as TIMEOUT
 * @param output     the Markdown file the results are written to
 */
record BenchmarkOptions(Set<String> scenarios, int users, int checkins, int readings, int calls, int threads,
        Duration timeout, Path output) {

    static final List<String> ALL_SCENARIOS = List.of("generation", "token", "producer", "consumer", "changes");

    static final String USAGE = """
            Usage: MapiqBenchmark [--scenario all|generation|token|producer|consumer|changes[,...]] [--users 50000]
                                  [--checkins 5000] [--readings 100000] [--calls 20000] [--threads 16]
                                  [--timeout-seconds 120] [--output benchmark/target/benchmark-results.md]
            generation: simulator data generation (always done; the other scenarios need the data)
            token:      many small calls from many threads share one token
            producer:   operation=list of a week, operation=create of check-ins, operation=ingest of readings
            consumer:   polling the whole 61-day window (pojo and json)
            changes:    changesOnly=true, a first poll of everything and a second one after a few changes""";

    static BenchmarkOptions defaults() {
        return parse();
    }

    /** @throws IllegalArgumentException naming the bad argument and what is allowed */
    static BenchmarkOptions parse(String... args) {
        Set<String> scenarios = scenarios("all");
        int users = 50_000;
        int checkins = 5_000;
        int readings = 100_000;
        int calls = 20_000;
        int threads = 16;
        Duration timeout = Duration.ofSeconds(120);
        Path output = Path.of("benchmark", "target", "benchmark-results.md");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.isBlank()) {
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Argument " + name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--scenario" -> scenarios = scenarios(value);
                case "--users" -> users = positive(name, value);
                case "--checkins" -> checkins = positive(name, value);
                case "--readings" -> readings = positive(name, value);
                case "--calls" -> calls = positive(name, value);
                case "--threads" -> threads = positive(name, value);
                case "--timeout-seconds" -> timeout = Duration.ofSeconds(positive(name, value));
                case "--output" -> output = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown argument " + name + "\n" + USAGE);
            }
        }
        return new BenchmarkOptions(scenarios, users, checkins, readings, calls, threads, timeout, output);
    }

    boolean runs(String scenario) {
        return scenarios.contains(scenario);
    }

    private static Set<String> scenarios(String value) {
        Set<String> chosen = Arrays.stream(value.toLowerCase(Locale.ROOT).split(",")).map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (chosen.remove("all")) {
            chosen.addAll(ALL_SCENARIOS);
        }
        for (String s : chosen) {
            if (!ALL_SCENARIOS.contains(s)) {
                throw new IllegalArgumentException("Unknown --scenario '" + s + "'; allowed: all, "
                                                   + String.join(", ", ALL_SCENARIOS));
            }
        }
        chosen.add("generation");
        return ALL_SCENARIOS.stream().filter(chosen::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static int positive(String name, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Argument " + name + " must be a positive whole number, was '" + value
                                           + "'");
    }
}
