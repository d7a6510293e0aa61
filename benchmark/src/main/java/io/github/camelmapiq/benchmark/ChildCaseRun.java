package io.github.camelmapiq.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a {@link HeapBoundCase} in a child JVM with its own {@code -Xmx} and turns what it reports into figures. Every
 * round must report within {@code --timeout-seconds} (the child's start-up gets a minute more), or the child is killed
 * and the round in progress is reported as TIMEOUT; a child that runs out of heap makes the round OUT OF MEMORY. The
 * child is killed in every case before this returns.
 */
final class ChildCaseRun {

    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Map<String, Figure.Builder> figures = new LinkedHashMap<>();
    private final Map<String, List<String>> notes = new LinkedHashMap<>();
    private final Map<String, Long> maxLiveMb = new ConcurrentHashMap<>();
    private final PrintStream out;
    private volatile String inProgress;
    private volatile String roundInProgress = "";
    private volatile long roundStarted = System.nanoTime();
    private volatile String failure;
    private volatile boolean done;
    private volatile long lastProgress = System.nanoTime();
    private final int rounds;
    private final int warmups;

    private ChildCaseRun(PrintStream out, int warmups, int rounds) {
        this.out = out;
        this.warmups = warmups;
        this.rounds = rounds;
    }

    /**
     * @param figures the figures the child reports, by the label its lines carry ({@link HeapBoundCase#FIRST},
     *                {@link HeapBoundCase#SECOND}), in the order it measures them
     */
    static List<Figure> run(String kind, String heap, SimulatorProcess simulator, LocalDate today,
                            BenchmarkOptions options, Map<String, Figure.Builder> figures, PrintStream out) {
        return run(kind, heap, simulator, today, options, figures, List.of(), out);
    }

    /** As above, with {@code more} arguments after the child's usual ones (the PostgreSQL server's JDBC URL). */
    static List<Figure> run(String kind, String heap, SimulatorProcess simulator, LocalDate today,
                            BenchmarkOptions options, Map<String, Figure.Builder> figures, List<String> more,
                            PrintStream out) {
        ChildCaseRun run = new ChildCaseRun(out, options.warmups(), options.warmups() + options.rounds());
        run.figures.putAll(figures);
        return run.run(kind, heap, simulator, today, options, more);
    }

    private List<Figure> run(String kind, String heap, SimulatorProcess simulator, LocalDate today,
                             BenchmarkOptions options, List<String> more) {
        String outcome;
        String note;
        ControlPlane control = simulator.control();
        try {
            control.resetCounters();
        } catch (Exception e) {
            // the pages served are then not said
        }
        List<String> args = new ArrayList<>(List.of(kind, simulator.baseUrl(), simulator.tokenUrl(),
                String.valueOf(options.warmups()), String.valueOf(options.rounds()), today.toString()));
        args.addAll(more);
        try (ChildJvm child = ChildJvm.start(kind, heap, HeapBoundCase.class.getName(), args,
                controlTokenEnv(control), this::onLine)) {
            Integer exit = null;
            long bound = STARTUP.toNanos() + options.timeout().toNanos();
            while (exit == null && System.nanoTime() - lastProgress < bound) {
                exit = child.await(Duration.ofMillis(200));
                if (inProgress != null) {
                    bound = options.timeout().toNanos();
                }
            }
            if (exit == null) {
                outcome = Figure.TIMEOUT;
                note = "a round took over " + options.timeout().toSeconds() + " s (--timeout-seconds); the "
                       + "-Xmx" + heap + " JVM was killed";
            } else if (child.ranOutOfMemory()) {
                outcome = Figure.OUT_OF_MEMORY;
                note = "the -Xmx" + heap + " JVM ran out of heap (OutOfMemoryError)";
            } else if (exit == 0 && done) {
                return built();
            } else {
                outcome = Figure.FAILED;
                note = (failure != null ? failure : "exit code " + exit + ": " + child.errorTail());
            }
        } catch (Exception e) {
            outcome = Figure.FAILED;
            note = "could not run the child JVM: " + Rounds.describe(e);
        }
        return cutShort(outcome, note + progress(control));
    }

    /** The control token for the child's environment (never its command line), if the simulator has one. */
    private static Map<String, String> controlTokenEnv(ControlPlane control) {
        return control.controlToken() == null ? Map.of() : Map.of(ControlPlane.TOKEN_ENV, control.controlToken());
    }

    /** How far the round that was cut short got. */
    private String progress(ControlPlane control) {
        boolean warmup = !roundInProgress.isEmpty() && Integer.parseInt(roundInProgress) <= warmups;
        String said = String.format(Locale.ROOT, ", %.1f s into round %s%s", (System.nanoTime() - roundStarted) / 1e9,
                roundInProgress, warmup ? " (warm-up)" : "");
        try {
            return said + String.format(Locale.ROOT, ", %,d pages served to this JVM",
                    control.calls("GET", ControlPlane.LIST_PATH, 200));
        } catch (Exception e) {
            return said;
        }
    }

    private void onLine(String line) {
        if (!line.startsWith(HeapBoundCase.PREFIX + " ")) {
            return; // the child's own output (a stack trace, a log line) reaches the error tail or nowhere
        }
        lastProgress = System.nanoTime();
        String[] f = line.substring(HeapBoundCase.PREFIX.length() + 1).split(" ", 3);
        switch (f[0]) {
            case "START" -> {
                inProgress = f[1];
                roundInProgress = f[2];
                roundStarted = System.nanoTime();
                out.printf(Locale.ROOT, "    %s: round %s of %d ...%n", figures.get(f[1]).client(), f[2],
                        rounds);
            }
            case "ROUND" -> {
                String[] r = f[2].split(" ");
                boolean warmup = Boolean.parseBoolean(r[0]);
                long count = Long.parseLong(r[1]);
                long expected = Long.parseLong(r[2]);
                long nanos = Long.parseLong(r[3]);
                Figure.Builder figure = figures.get(f[1]);
                figure.expect(expected).round(warmup, count, nanos);
                maxLiveMb.merge(f[1], Long.parseLong(r[4]), Math::max);
                out.printf(Locale.ROOT, "    %s: %s%,d records in %.1f s, live heap after GC up to %s MB%n",
                        figure.client(), warmup ? "(warm-up) " : "", count, nanos / 1e9, r[4]);
                inProgress = null;
            }
            case "WRITTEN" -> {
                String[] w = f[2].split(" ");
                figures.get(f[1]).written(Boolean.parseBoolean(w[0]), Long.parseLong(w[1]));
            }
            case "NOTE" -> notes.computeIfAbsent(f[1], k -> new ArrayList<>()).add(f[2]);
            case "FAIL" -> failure = f.length > 2 ? f[1] + " " + f[2] : f[1];
            case "DONE" -> done = true;
            default -> {
                // an unknown line: ignored
            }
        }
    }

    private List<Figure> built() {
        List<Figure> result = new ArrayList<>();
        figures.forEach((label, builder) -> {
            Figure f = builder.build();
            result.add(f.ok() ? f.withNote(lastNote(label)) : f);
        });
        return result;
    }

    /** The poll in progress gets the outcome; a figure not reached yet is NOT RUN. */
    private List<Figure> cutShort(String outcome, String note) {
        List<Figure> result = new ArrayList<>();
        String current = inProgress;
        for (Map.Entry<String, Figure.Builder> e : figures.entrySet()) {
            Figure.Builder figure = e.getValue();
            if (e.getKey().equals(current) || current == null) {
                result.add(figure.outcome(outcome, note));
            } else if (!figure.started()) {
                result.add(figure.notRun("not reached: " + outcome + " in the poll before it"));
            } else {
                result.add(figure.outcome(outcome, "in another poll of the same JVM: " + note));
            }
        }
        return result;
    }

    /** The most live heap of the label's rounds, and the last thing the child said about it. */
    private String lastNote(String label) {
        List<String> said = notes.getOrDefault(label, List.of());
        Long live = maxLiveMb.get(label);
        String heap = live == null ? "" : "live heap after GC up to " + live + " MB";
        String other = said.isEmpty() ? "" : said.get(said.size() - 1);
        return other.isEmpty() ? heap : heap.isEmpty() ? other : heap + "; " + other;
    }
}
