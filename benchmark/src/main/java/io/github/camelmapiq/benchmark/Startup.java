package io.github.camelmapiq.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code startup} case: fresh JVMs, the plain client's and the consumer's taking turns, each timed from its start
 * to its first record ({@link StartupCase}); a warm-up pair first (the operating system's file cache). No target yet:
 * the figure is reported for serverless and Camel K users, who start a JVM per integration.
 */
final class Startup {

    private static final String HEAP = "256m";

    private Startup() {
    }

    static List<Figure> run(SimulatorProcess simulator, BenchmarkOptions options, PrintStream out) {
        Figure.Builder plain = Figure.of("startup", MapiqBenchmark.STARTUP_PLAIN, "-Xmx" + HEAP, "ms");
        Figure.Builder consumer = Figure.of("startup", MapiqBenchmark.STARTUP_CONSUMER, "-Xmx" + HEAP, "ms");
        String failure = null;
        for (int i = 0; i < Math.max(1, options.warmups()) + options.rounds() && failure == null; i++) {
            boolean warmup = i < Math.max(1, options.warmups());
            for (String kind : List.of(StartupCase.PLAIN, StartupCase.CONSUMER)) {
                long millis = once(kind, simulator, options);
                if (millis < 0) {
                    failure = kind + " did not report its first record";
                    break;
                }
                (kind.equals(StartupCase.PLAIN) ? plain : consumer).round(warmup, 1, millis * 1_000_000);
                out.printf(Locale.ROOT, "    startup %s: %s%,d ms to the first record%n", kind,
                        warmup ? "(warm-up) " : "", millis);
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (Figure.Builder figure : List.of(plain, consumer)) {
            figures.add(failure == null ? figure.build() : figure.outcome(Figure.FAILED, failure));
        }
        return figures;
    }

    /** One fresh JVM: the milliseconds from its start to its first record, or -1. */
    private static long once(String kind, SimulatorProcess simulator, BenchmarkOptions options) {
        AtomicLong millis = new AtomicLong(-1);
        try (ChildJvm child = ChildJvm.start("startup-" + kind, HEAP, StartupCase.class.getName(),
                List.of(kind, simulator.baseUrl(), simulator.tokenUrl()), line -> {
                    if (line.startsWith(StartupCase.PREFIX)) {
                        millis.set(Long.parseLong(line.substring(StartupCase.PREFIX.length()).trim()));
                    }
                })) {
            Integer exit = child.await(options.timeout());
            return exit == null ? -1 : millis.get();
        } catch (Exception e) {
            return -1;
        }
    }
}
