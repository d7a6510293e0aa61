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
 * The command line of {@link MapiqBenchmark}. The defaults are the setting (50,000 users, a warm-up round and
 * 3 measured rounds, 256 MiB for the million, 512 MiB for {@code changesOnly}); the smoke test passes tiny ones.
 *
 * @param cases         which cases to run, in the fixed order of {@link #ALL_CASES}
 * @param users         the simulator's data size (50,000 users give about a million workspace reservations)
 * @param warmups       unmeasured rounds before the measured ones
 * @param extraWarmups  warm-up rounds that may follow them while the plain client's figure still moves
 * @param rounds        measured rounds; each figure is their median
 * @param weekListings  listings of the week in one round of the {@code week} case
 * @param calls         small calls per round of the {@code calls} case
 * @param threads       threads making them
 * @param timeout       longest one round may take before the case is reported as TIMEOUT
 * @param output        the Markdown file the results are written to
 * @param simulatorHeap {@code -Xmx} of the simulator's JVM
 * @param millionHeap   {@code -Xmx} of each JVM that lists the 61-day window
 * @param changesHeap   {@code -Xmx} of the JVM of the {@code changesOnly} case
 * @param stores        where the {@code changes} case keeps the consumer's state, in the fixed order of
 *                      {@link #ALL_STORES}
 */
record BenchmarkOptions(Set<String> cases, int users, int warmups, int extraWarmups, int rounds, int weekListings,
        int calls, int threads,
        Duration timeout, Path output, String simulatorHeap, String millionHeap, String changesHeap,
        Set<String> stores) {

    static final List<String> ALL_CASES = List.of("week", "million", "changes", "calls", "startup");
    static final String MEMORY = "memory";
    static final String H2 = "h2";
    static final String POSTGRESQL = "postgresql";
    static final List<String> ALL_STORES = List.of(MEMORY, H2, POSTGRESQL);

    static final String USAGE = """
            Usage: MapiqBenchmark [--case all|week|million|changes|calls|startup[,...]] [--users 50000] [--warmups 1]
                                  [--extra-warmups 4] [--rounds 3] [--week-listings 3] [--calls 60000] [--threads 16]
                                  [--timeout-seconds 300]
                                  [--simulator-heap 2g] [--million-heap 256m] [--changes-heap 512m]
                                  [--stores all|memory|h2|postgresql[,...]]
                                  [--output benchmark/target/benchmark-results.md]
            week:    a week of workspace reservations, listed --week-listings times a round: plain client,
                     camel-http route, operation=list, consumer polls (POJO and JSON)
            million: the 61-day window (all records) in --million-heap: plain streaming client, consumer
            changes: changesOnly over the 61-day window in --changes-heap: first poll, poll after 20 changes,
                     the state in memory, in an embedded H2 database, in a throw-away PostgreSQL server (--stores
                     chooses; PostgreSQL also polls once unchanged and counts the rows each poll writes), and the
                     plain client's listing of the window as the reference (it moves and deletes reservations in the
                     simulator)
            calls:   --threads threads making --calls small calls, token requests counted; operation=get with
                     getCacheTtl among them
            startup: fresh JVMs, from their start to the first record: plain client, consumer in Camel Main""";

    /** @throws IllegalArgumentException naming the bad argument and what is allowed */
    static BenchmarkOptions parse(String... args) {
        Set<String> cases = chosen("--case", "all", ALL_CASES);
        int users = 50_000;
        int warmups = 1;
        int extraWarmups = MapiqBenchmark.EXTRA_WARMUPS;
        int rounds = 3;
        int weekListings = 3;
        int calls = 60_000;
        int threads = 16;
        Duration timeout = Duration.ofSeconds(300);
        Path output = Path.of("benchmark", "target", "benchmark-results.md");
        String simulatorHeap = "2g";
        String millionHeap = "256m";
        String changesHeap = "512m";
        Set<String> stores = chosen("--stores", "all", ALL_STORES);
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
                case "--case" -> cases = chosen(name, value, ALL_CASES);
                case "--stores" -> stores = chosen(name, value, ALL_STORES);
                case "--users" -> users = atLeast(1, name, value);
                case "--warmups" -> warmups = atLeast(0, name, value);
                case "--extra-warmups" -> extraWarmups = atLeast(0, name, value);
                case "--rounds" -> rounds = atLeast(1, name, value);
                case "--week-listings" -> weekListings = atLeast(1, name, value);
                case "--calls" -> calls = atLeast(1, name, value);
                case "--threads" -> threads = atLeast(1, name, value);
                case "--timeout-seconds" -> timeout = Duration.ofSeconds(atLeast(1, name, value));
                case "--output" -> output = Path.of(value);
                case "--simulator-heap" -> simulatorHeap = heap(name, value);
                case "--million-heap" -> millionHeap = heap(name, value);
                case "--changes-heap" -> changesHeap = heap(name, value);
                default -> throw new IllegalArgumentException("Unknown argument " + name + "\n" + USAGE);
            }
        }
        return new BenchmarkOptions(cases, users, warmups, extraWarmups, rounds, weekListings, calls, threads, timeout, output, simulatorHeap,
                millionHeap, changesHeap, stores);
    }

    boolean runs(String name) {
        return cases.contains(name);
    }

    boolean keepsStateIn(String store) {
        return stores.contains(store);
    }

    /** The chosen stores as the tables name them: memory, H2, PostgreSQL. */
    String storeNames() {
        return String.join(", ", stores.stream().map(s -> s.equals(H2) ? "H2" : s.equals(POSTGRESQL) ? "PostgreSQL"
                : s).toList());
    }

    /** The comma-separated names of {@code value} ({@code all}: every one), in the order of {@code all}. */
    private static Set<String> chosen(String name, String value, List<String> all) {
        Set<String> chosen = Arrays.stream(value.toLowerCase(Locale.ROOT).split(",")).map(String::trim)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (chosen.remove("all")) {
            chosen.addAll(all);
        }
        for (String s : chosen) {
            if (!all.contains(s)) {
                throw new IllegalArgumentException("Unknown " + name + " '" + s + "'; allowed: all, "
                                                   + String.join(", ", all));
            }
        }
        return all.stream().filter(chosen::contains).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static int atLeast(int min, String name, String value) {
        try {
            int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Argument " + name + " must be a whole number of at least " + min
                                           + ", was '" + value + "'");
    }

    private static String heap(String name, String value) {
        if (!value.matches("[1-9][0-9]*[mMgG]")) {
            throw new IllegalArgumentException("Argument " + name + " must be a heap size like 256m or 2g, was '"
                                               + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
