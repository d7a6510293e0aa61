package io.github.camelmapiq.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The results as Markdown: the machine, then one table per case, each figure with its ratio to the plain client and
 * the target next to it (PASS or MISS). A target is met only by a line that completed (OK) and counted what
 * the simulator holds.
 */
final class Report {

    private final BenchmarkOptions options;
    private final ZonedDateTime started = ZonedDateTime.now();
    private final double loadAtStart = load();
    private double loadAtEnd = Double.NaN;
    private ZonedDateTime finished;
    private String simulator = "";

    Report(BenchmarkOptions options) {
        this.options = options;
    }

    void simulator(Duration startup, JsonNode counts, long pid) {
        StringBuilder held = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            held.append(held.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d %s",
                    e.getValue().asLong(), e.getKey()));
        }
        simulator = String.format(Locale.ROOT, "own JVM (pid %d, -Xmx%s), 127.0.0.1, %,d users, rate limit off, "
                                               + "check-in throttle 0; generated and serving in %.1f s; holds %s",
                pid, options.simulatorHeap(), options.users(), startup.toMillis() / 1000.0, held);
    }

    void finished() {
        finished = ZonedDateTime.now();
        loadAtEnd = load();
    }

    /** The machine and the run's settings, one item a line. */
    String machine() {
        Runtime rt = Runtime.getRuntime();
        var os = ManagementFactory.getOperatingSystemMXBean();
        String jvmArgs = String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Xm") || a.startsWith("-XX:+Use")).toList());
        StringBuilder m = new StringBuilder();
        m.append("- date: ").append(started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT)))
                .append(finished == null ? "" : String.format(Locale.ROOT, " (run took %.1f min)",
                        Duration.between(started, finished).toMillis() / 60000.0))
                .append('\n');
        m.append(String.format(Locale.ROOT, "- machine: %d cores, %s %s (%s), load average %.2f at the start%s%n",
                rt.availableProcessors(), os.getName(), os.getVersion(), os.getArch(), loadAtStart,
                Double.isNaN(loadAtEnd) ? "" : String.format(Locale.ROOT, ", %.2f at the end", loadAtEnd)));
        m.append(String.format(Locale.ROOT, "- JVM: %s %s (%s), G1%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vendor")));
        m.append(String.format(Locale.ROOT, "- measuring JVM (week, calls): max heap %,d MB (%s)%n",
                rt.maxMemory() / (1024 * 1024), jvmArgs.isEmpty() ? "JVM default" : jvmArgs));
        m.append(String.format(Locale.ROOT, "- child JVMs: million -Xmx%s each, changesOnly -Xmx%s "
                                            + "(-XX:+ExitOnOutOfMemoryError)%n", options.millionHeap(),
                options.changesHeap()));
        m.append("- simulator: ").append(simulator).append('\n');
        m.append(String.format(Locale.ROOT, "- rounds: %d warm-up + %d measured per figure; each figure is the "
                                            + "median of the measured rounds; a round is bounded to %d s%n",
                options.warmups(), options.rounds(), options.timeout().toSeconds()));
        return m.toString();
    }

    String markdown(List<Figure> figures) {
        StringBuilder md = new StringBuilder("# camel-mapiq benchmark results\n\n").append(machine());
        List<Figure> week = group(figures, "week");
        if (!week.isEmpty()) {
            Optional<Figure> plain = find(week, MapiqBenchmark.PLAIN);
            Optional<Figure> http = find(week, MapiqBenchmark.CAMEL_HTTP);
            int listings = options.weekListings();
            String perListing = plain.filter(Figure::ok)
                    .map(f -> String.format(Locale.ROOT, "%,d", f.count() / listings)).orElse("?");
            md.append(String.format(Locale.ROOT, "%n## A week of workspace reservations (%s records, %d per page), "
                                                 + "listed %d time(s) a round%n%n", perListing, Window.PAGE_SIZE,
                    listings));
            md.append("| client | records/s median (min–max) | vs plain (round min–max) | median time | token requests "
                      + "| target | | outcome |\n");
            md.append("|---|---:|---:|---:|---:|---|---|---|\n");
            for (Figure f : week) {
                String target = "";
                String verdict = "";
                switch (f.client()) {
                    case MapiqBenchmark.LIST -> {
                        target = "≥ 0.90x plain";
                        verdict = verdict(f.ok() && ratio(f, plain) >= 0.9);
                    }
                    case MapiqBenchmark.CONSUMER_POJO -> {
                        target = "≥ 0.70x plain, ahead of camel-http in every round";
                        verdict = verdict(f.ok() && ratio(f, plain) >= 0.7 && ahead(f, http));
                    }
                    case MapiqBenchmark.CONSUMER_JSON -> {
                        target = "≥ 0.80x plain, ahead of camel-http in every round";
                        verdict = verdict(f.ok() && ratio(f, plain) >= 0.8 && ahead(f, http));
                    }
                    default -> {
                        // a reference has no target
                    }
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", code(f.client()),
                        rate(f), ratioText(f, plain), time(f), f.tokens() < 0 ? "" : f.tokens(), target, verdict,
                        outcome(f)));
            }
        }
        List<Figure> million = group(figures, "million");
        if (!million.isEmpty()) {
            Optional<Figure> plain = find(million, MapiqBenchmark.MILLION_PLAIN);
            md.append(String.format(Locale.ROOT, "%n## The 61-day window: %s records, two calls of at most 31 days%n%n",
                    count(plain)));
            md.append("| client | heap | result | records/s | vs plain | target | | outcome |\n");
            md.append("|---|---|---:|---:|---:|---|---|---|\n");
            for (Figure f : million) {
                boolean consumer = f.client().equals(MapiqBenchmark.MILLION_CONSUMER);
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %s | %s | %s | %s |%n",
                        code(f.client()), f.heap(), f.ok() ? time(f) : "**" + f.outcome() + "**", rate(f),
                        ratioText(f, plain), consumer ? "completes in " + mib(options.millionHeap())
                                                        + " at ≥ 0.80x plain" : "",
                        consumer ? verdict(f.ok() && ratio(f, plain) >= 0.8) : "", outcome(f)));
            }
        }
        List<Figure> changes = group(figures, "changes");
        if (!changes.isEmpty()) {
            changes(md, changes);
        }
        List<Figure> calls = group(figures, "calls");
        if (!calls.isEmpty()) {
            Optional<Figure> plain = find(calls, MapiqBenchmark.CALLS_PLAIN);
            Optional<Figure> http = find(calls, MapiqBenchmark.CALLS_CAMEL_HTTP);
            md.append(String.format(Locale.ROOT, "%n## Small calls: %d threads, %,d calls of `GET %s?%s` per round "
                                                 + "(`operation=get`: the user they answer, by id)%n%n",
                    options.threads(), options.calls(), MapiqBenchmark.SMALL_CALL_PATH,
                    MapiqBenchmark.SMALL_CALL_QUERY));
            md.append("| client | calls/s median (min–max) | vs plain (round min–max) | token requests | target | | "
                      + "outcome |\n");
            md.append("|---|---:|---:|---:|---|---|---|\n");
            for (Figure f : calls) {
                String target = "";
                String verdict = "";
                switch (f.client()) {
                    case MapiqBenchmark.CALLS_RAW -> {
                        target = "≥ 0.95x plain, ahead of camel-http in every round, exactly 1 token request";
                        verdict = verdict(f.ok() && ratio(f, plain) >= 0.95 && ahead(f, http) && f.tokens() == 1);
                    }
                    case MapiqBenchmark.CALLS_GET -> {
                        target = "exactly 1 token request (no speed target: a cache hit is answered from the cached "
                                 + "listing of the users, without HTTP, so it is expected to be faster than a call)";
                        verdict = verdict(f.ok() && f.tokens() == 1);
                    }
                    default -> {
                        // a reference has no target
                    }
                }
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", code(f.client()),
                        rate(f), ratioText(f, plain), f.tokens() < 0 ? "" : f.tokens(), target, verdict,
                        outcome(f)));
            }
        }
        List<Figure> startup = group(figures, "startup");
        if (!startup.isEmpty()) {
            md.append("\n## Startup: from a fresh JVM's start to its first record (`-Xmx256m`; no target yet)\n\n");
            md.append("| client | median ms | fastest | slowest | outcome |\n|---|---:|---:|---:|---|\n");
            for (Figure f : startup) {
                List<Long> millis = f.nanos().stream().map(n -> n / 1_000_000).toList();
                md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", code(f.client()),
                        f.ok() ? String.format(Locale.ROOT, "%,d", f.medianTime().toMillis()) : "",
                        millis.isEmpty() ? "" : String.format(Locale.ROOT, "%,d", Collections.min(millis)),
                        millis.isEmpty() ? "" : String.format(Locale.ROOT, "%,d", Collections.max(millis)),
                        outcome(f)));
            }
        }
        md.append("""

                Token requests are counted by the simulator from the making of the client to its closing, warm-up
                rounds included. Live heap is the most heap still in use right after a collection during a round of
                a child JVM (an upper bound: G1's young collections leave dead old objects in place).
                """);
        return md.toString();
    }

    /**
     * The {@code changes} table: each poll's time also as a multiple of the plain listing's of the same window in the
     * same run; the PostgreSQL polls' targets are such multiples, and exactly 20 rows written by the poll after the 20
     * changes.
     */
    private void changes(StringBuilder md, List<Figure> changes) {
        Optional<Figure> plain = find(changes, MapiqBenchmark.CHANGES_PLAIN);
        md.append(String.format(Locale.ROOT, "%n## changesOnly over the 61-day window, state in %s, `-Xmx%s`%n%n",
                options.storeNames(), options.changesHeap()));
        md.append("| poll | heap | records delivered | time | records/s | time vs plain listing | rows written "
                  + "| target | | outcome |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---|---|---|\n");
        String fits = "fits in " + mib(options.changesHeap());
        for (Figure f : changes) {
            double times = timeRatio(f, plain);
            String target;
            boolean pass;
            switch (f.client()) {
                case MapiqBenchmark.CHANGES_PLAIN -> {
                    target = "";
                    pass = true;
                }
                case MapiqBenchmark.CHANGES_PG_FIRST -> {
                    target = fits + ", ≤ 3x plain's time";
                    pass = times <= 3;
                }
                case MapiqBenchmark.CHANGES_PG_UNCHANGED -> {
                    target = fits + ", delivers 0, ≤ 2x plain's time";
                    pass = times <= 2;
                }
                case MapiqBenchmark.CHANGES_PG_SECOND -> {
                    target = fits + ", ≤ 2x plain's time, exactly 20 rows written in every round";
                    pass = times <= 2 && !f.written().isEmpty()
                           && f.written().stream().allMatch(n -> n == HeapBoundCase.MOVED + HeapBoundCase.DELETED);
                }
                default -> {
                    target = fits;
                    pass = true;
                }
            }
            String verdict = f.outcome().equals(Figure.SKIPPED) ? "skipped" : target.isEmpty() ? ""
                    : verdict(f.ok() && pass);
            md.append(String.format(Locale.ROOT, "| %s | `%s` | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                    f.client(), f.heap(), f.ok() ? String.format(Locale.ROOT, "%,d", f.count()) : "",
                    f.ok() ? time(f) : "**" + f.outcome() + "**", rate(f),
                    Double.isNaN(times) ? "" : String.format(Locale.ROOT, "%.2fx", times), written(f), target,
                    verdict, outcome(f)));
        }
    }

    /** The figure's median time over the plain listing's, or NaN when either did not complete. */
    static double timeRatio(Figure f, Optional<Figure> plain) {
        if (!f.ok() || plain.isEmpty() || !plain.get().ok() || plain.get().medianTime().isZero()) {
            return Double.NaN;
        }
        return f.medianTime().toNanos() / (double) plain.get().medianTime().toNanos();
    }

    /** The rows each measured round wrote, when they were counted: one figure, or each round's. */
    private static String written(Figure f) {
        if (f.written().isEmpty()) {
            return "";
        }
        return f.written().stream().distinct().count() == 1 ? String.format(Locale.ROOT, "%,d", f.written().get(0))
                : String.join(" / ", f.written().stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList());
    }

    private static List<Figure> group(List<Figure> figures, String group) {
        return figures.stream().filter(f -> f.group().equals(group)).toList();
    }

    private static Optional<Figure> find(List<Figure> figures, String client) {
        return figures.stream().filter(f -> f.client().equals(client)).findFirst();
    }

    private static String count(Optional<Figure> plain) {
        return plain.filter(Figure::ok).map(f -> String.format(Locale.ROOT, "%,d", f.count())).orElse("?");
    }

    /** The figure's rate over the plain client's, or NaN when either did not complete. */
    static double ratio(Figure f, Optional<Figure> plain) {
        if (!f.ok() || plain.isEmpty() || !plain.get().ok() || plain.get().rate() <= 0) {
            return Double.NaN;
        }
        return f.rate() / plain.get().rate();
    }

    /**
     * Whether {@code f} was faster than {@code other} in every measured round: the contenders take turns round by
     * round, so round i of each ran under the same conditions.
     */
    static boolean ahead(Figure f, Optional<Figure> other) {
        if (other.isEmpty() || !other.get().ok()) {
            return true;
        }
        List<Double> mine = f.rates();
        List<Double> theirs = other.get().rates();
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            if (mine.get(i) <= theirs.get(i)) {
                return false;
            }
        }
        return !mine.isEmpty();
    }

    /** The ratio of the medians, then the lowest and highest ratio of a round to the plain client's same round. */
    private static String ratioText(Figure f, Optional<Figure> plain) {
        double r = ratio(f, plain);
        if (Double.isNaN(r)) {
            return "";
        }
        List<Double> mine = f.rates();
        List<Double> theirs = plain.get().rates();
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
            double round = theirs.get(i) <= 0 ? 0 : mine.get(i) / theirs.get(i);
            low = Math.min(low, round);
            high = Math.max(high, round);
        }
        return mine.size() < 2 ? String.format(Locale.ROOT, "%.2f", r)
                : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", r, low, high);
    }

    /** The median rate, then the slowest and fastest round. */
    private static String rate(Figure f) {
        if (!f.ok()) {
            return "";
        }
        List<Double> rates = f.rates();
        return rates.size() < 2 ? String.format(Locale.ROOT, "%,.0f", f.rate())
                : String.format(Locale.ROOT, "%,.0f (%,.0f–%,.0f)", f.rate(), Collections.min(rates),
                        Collections.max(rates));
    }

    private static String time(Figure f) {
        if (f.nanos().isEmpty()) {
            return "";
        }
        long min = f.nanos().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = f.nanos().stream().mapToLong(Long::longValue).max().orElse(0);
        String median = String.format(Locale.ROOT, "%.2f s", f.medianTime().toNanos() / 1e9);
        return f.nanos().size() == 1 ? median
                : median + String.format(Locale.ROOT, " (%.2f–%.2f)", min / 1e9, max / 1e9);
    }

    private static String outcome(Figure f) {
        return f.note().isEmpty() ? f.outcome() : f.outcome() + ": " + f.note().replace('|', '/');
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "**MISS**";
    }

    private static String code(String client) {
        if (client.startsWith("mapiq: ")) {
            return "`mapiq:`" + client.substring("mapiq:".length());
        }
        return client.startsWith("mapiq:") ? "`" + client + "`" : client;
    }

    private static String mib(String heap) {
        return heap.endsWith("g") ? Integer.parseInt(heap.substring(0, heap.length() - 1)) * 1024 + " MiB"
                : heap.substring(0, heap.length() - 1) + " MiB";
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
