package io.github.camelmapiq.benchmark;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;

/**
 * The main class of a child JVM that runs one case in a heap of its own ({@code -Xmx256m}, {@code -Xmx512m}): the
 * 61-day window through the plain streaming client or through the component's consumer, or {@code changesOnly} over
 * it. It reports each round on standard output as a line starting with {@value #PREFIX}, which {@link ChildCaseRun}
 * reads; running out of heap ends the JVM ({@code -XX:+ExitOnOutOfMemoryError}), which the parent reports.
 *
 * <p>Arguments: {@code <kind> <baseUrl> <tokenUrl> <warmups> <rounds> <today>}, today being the simulator's.
 */
public final class HeapBoundCase {

    static final String PREFIX = "@@";
    static final String MILLION_PLAIN = "million-plain";
    static final String MILLION_CONSUMER = "million-consumer";
    static final String CHANGES = "changes";
    static final String FIRST = "first";
    static final String SECOND = "second";
    static final int MOVED = 10;
    static final int DELETED = 10;

    private final String baseUrl;
    private final String tokenUrl;
    private final int warmups;
    private final int rounds;
    private final ControlPlane control;
    private final Window window;

    private HeapBoundCase(String baseUrl, String tokenUrl, int warmups, int rounds, LocalDate today) {
        this.baseUrl = baseUrl;
        this.tokenUrl = tokenUrl;
        this.warmups = warmups;
        this.rounds = rounds;
        this.control = new ControlPlane(baseUrl);
        this.window = Window.sixtyOneDays(today);
    }

    public static void main(String[] args) {
        ParentWatch.exitWhenParentEnds();
        int exit = 0;
        try {
            HeapBoundCase run = new HeapBoundCase(args[1], args[2], Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), LocalDate.parse(args[5]));
            switch (args[0]) {
                case MILLION_PLAIN -> run.millionPlain();
                case MILLION_CONSUMER -> run.millionConsumer();
                case CHANGES -> run.changes();
                default -> throw new IllegalArgumentException("unknown case " + args[0]);
            }
            emit("DONE");
        } catch (Throwable e) {
            emit("FAIL " + Rounds.describe(e));
            exit = Rounds.isOutOfMemory(e) ? ChildJvm.OUT_OF_MEMORY_EXIT : 1;
        }
        System.exit(exit); // Camel's and HttpClient's leftover threads must not keep the JVM alive
    }

    /** The plain client, page by page, over the whole 61-day window. */
    private void millionPlain() throws Exception {
        long expected = control.count(ControlPlane.WORKSPACE_RESERVATIONS);
        try (PlainClient client = new PlainClient(baseUrl, tokenUrl, 2)) {
            for (int i = 0; i < warmups + rounds; i++) {
                measure(FIRST, i, expected, () -> client.listWorkspaceReservations(window));
            }
        }
    }

    /** One poll of the consumer ({@code splitResult=true}, POJO bodies) over the whole 61-day window. */
    private void millionConsumer() throws Exception {
        long expected = control.count(ControlPlane.WORKSPACE_RESERVATIONS);
        CamelContext context = MapiqClient.newContext(baseUrl, tokenUrl, 4);
        try (PolledRoute route = new PolledRoute(context, "mapiq:workspace-reservations?"
                                                          + window.mapiqOptions())) {
            for (int i = 0; i < warmups + rounds; i++) {
                measure(FIRST, i, expected, route::poll);
            }
        }
    }

    /**
     * {@code changesOnly=true} over the 61-day window, the state in Camel's in-memory state repository (in this heap):
     * a first poll (every record is CREATED), then {@value #MOVED} reservations moved to another desk and
     * {@value #DELETED} deleted through the simulator's control plane, then a second poll, which must deliver exactly
     * those. Each round starts from an empty state.
     */
    private void changes() throws Exception {
        for (int i = 0; i < warmups + rounds; i++) {
            long expected = control.count(ControlPlane.WORKSPACE_RESERVATIONS);
            SizedStateRepository state = new SizedStateRepository();
            CamelContext context = MapiqClient.newContext(baseUrl, tokenUrl, 4);
            context.getRegistry().bind("benchmarkState", state);
            try (PolledRoute route = new PolledRoute(context, "mapiq:workspace-reservations?"
                                                              + window.mapiqOptions()
                                                              + "&changesOnly=true&stateRepository=#benchmarkState"
                                                              + "&stateKey=benchmark")) {
                measure(FIRST, i, expected, route::poll);
                int changed = change(route.firstIds(), i);
                measure(SECOND, i, changed, route::poll);
                emit(String.format(Locale.ROOT, "NOTE %s state stored %d time(s), %.1f MB in the repository",
                        SECOND, state.stores(), state.totalChars() / (1024.0 * 1024.0)));
            }
        }
    }

    /** Moves the first reservations to another desk and deletes the next ones; answers how many were changed. */
    private int change(List<String> ids, int round) throws Exception {
        int changed = 0;
        for (int i = 0; i < ids.size() && changed < MOVED + DELETED; i++) {
            String id = ids.get(i);
            if (changed < MOVED) {
                control.update(ControlPlane.WORKSPACE_RESERVATIONS, id,
                        Map.of("deskId", "moved-desk-" + round + "-" + i));
            } else {
                control.delete(ControlPlane.WORKSPACE_RESERVATIONS, id);
            }
            changed++;
        }
        return changed;
    }

    private void measure(String label, int index, long expected, Rounds.Work work) throws Exception {
        boolean warmup = index < warmups;
        emit("START " + label + " " + (index + 1));
        HeapMeter meter = HeapMeter.start();
        long t0 = System.nanoTime();
        long count = work.run();
        long nanos = System.nanoTime() - t0;
        HeapMeter.HeapUse heap = meter.stop();
        emit("ROUND " + label + " " + warmup + " " + count + " " + expected + " " + nanos + " " + heap.maxLiveMb()
             + " " + heap.baselineMb());
    }

    private static void emit(String line) {
        System.out.println(PREFIX + " " + line);
        System.out.flush();
    }
}
