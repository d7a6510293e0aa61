package io.github.camelmapiq.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;

/**
 * Measures the mapiq component against two references in one run: a plain client (Apache HttpClient 5 and Jackson,
 * token fetched once) and a camel-http route written by hand ({@code oauth2CacheTokens=true}). The simulator runs in
 * a JVM of its own; the week's listing and the small calls are measured in this JVM, which holds only the clients;
 * the 61-day window and {@code changesOnly} run each in a child JVM with the heap the issue sets. Each figure is the
 * median of the measured rounds after the warm-up rounds. Prints the tables and writes them as Markdown; see
 * {@code benchmark/README.md}.
 */
public final class MapiqBenchmark {

    static final String PLAIN = "plain Apache HttpClient 5 + Jackson (readTree per page, token fetched once)";
    static final String CAMEL_HTTP = "camel-http route written by hand (oauth2CacheTokens=true, loopDoWhile, Jackson)";
    static final String LIST = "mapiq:workspace-reservations?operation=list";
    static final String CONSUMER_POJO = "mapiq: consumer, one poll, default POJO bodies";
    static final String CONSUMER_JSON = "mapiq: consumer, one poll, outputFormat=json";
    static final String MILLION_PLAIN = "plain client, streaming (one page at a time)";
    static final String MILLION_CONSUMER = "mapiq: consumer, one poll, POJO bodies";
    static final String CHANGES_FIRST = "changesOnly, first poll (every record CREATED)";
    static final String CHANGES_SECOND = "changesOnly, poll after 20 changes (10 moved, 10 deleted)";
    static final String CHANGES_DB_FIRST = "changesOnly, state in H2 (stateDataSource), first poll";
    static final String CHANGES_DB_SECOND = "changesOnly, state in H2 (stateDataSource), poll after the 20 changes";
    static final String CHANGES_PLAIN = "plain client, streaming listing of the same window (the reference)";
    static final String CHANGES_PG_FIRST = "changesOnly, state in PostgreSQL (stateDataSource), first poll";
    static final String CHANGES_PG_UNCHANGED = "changesOnly, state in PostgreSQL (stateDataSource), poll with nothing "
                                               + "changed";
    static final String CHANGES_PG_SECOND = "changesOnly, state in PostgreSQL (stateDataSource), poll after the 20 "
                                            + "changes";
    static final String CALLS_PLAIN = "plain Apache HttpClient 5 (token fetched once)";
    static final String CALLS_CAMEL_HTTP = "camel-http (oauth2CacheTokens=true)";
    static final String CALLS_RAW = "mapiq:raw";
    static final String CALLS_GET = MapiqClient.GET_URI;
    static final String STARTUP_PLAIN = "plain Apache HttpClient 5: first page";
    static final String STARTUP_CONSUMER = "mapiq: consumer in Camel Main: first record";
    static final String SMALL_CALL_PATH = "/v2/users";
    static final String SMALL_CALL_QUERY = "pageSize=1";
    /** Turns a round of the {@code calls} case is made of, the clients taking turns within the round. */
    static final int CALL_SLICES = 3;

    private static final Duration SIMULATOR_STARTUP = Duration.ofMinutes(5);
    private static final String HERE = "measuring JVM";

    private final BenchmarkOptions options;
    private final PrintStream out;
    /** The simulator's "today", taken once right after it started: every window of the run is laid out from it. */
    private LocalDate today;

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
        System.exit(0); // Camel's and HttpClient's leftover threads must not keep the JVM alive
    }

    /** What a run measured, and what the simulator held when it started. */
    record Result(List<Figure> figures, Report report, long records, long weekRecords) {
    }

    /** Runs the chosen cases, prints and writes the results, and answers them. */
    Result run() throws Exception {
        Report report = new Report(options);
        out.println("Starting the simulator (" + options.users() + " users, -Xmx" + options.simulatorHeap()
                    + ") in its own JVM ...");
        List<Figure> figures = new ArrayList<>();
        long records;
        long weekRecords = -1;
        try (SimulatorProcess simulator = SimulatorProcess.start(options.users(), options.simulatorHeap(),
                SIMULATOR_STARTUP)) {
            today = Window.today();
            ControlPlane control = simulator.control();
            records = control.count(ControlPlane.WORKSPACE_RESERVATIONS);
            report.simulator(simulator.startup(), control.counts(), simulator.pid());
            out.println(report.machine());
            if (options.users() <= 2_000) {
                weekRecords = control.countDated(Window.week(today).start(), Window.week(today).end());
            }
            warmUp(simulator);
            if (options.runs("week")) {
                figures.addAll(week(simulator, weekRecords));
            }
            if (options.runs("million")) {
                figures.addAll(million(simulator, records));
            }
            if (options.runs("changes")) {
                figures.addAll(changes(simulator));
            }
            if (options.runs("calls")) {
                figures.addAll(calls(simulator));
            }
            if (options.runs("startup")) {
                out.println("Case startup: a fresh JVM per round, from its start to its first record");
                List<Figure> startup = Startup.run(simulator, options, out);
                report(startup);
                figures.addAll(startup);
            }
        }
        report.finished();
        String markdown = report.markdown(figures);
        out.println();
        out.print(markdown);
        if (options.output().getParent() != null) {
            Files.createDirectories(options.output().getParent());
        }
        Files.writeString(options.output(), markdown);
        out.println();
        out.println("Written to " + options.output().toAbsolutePath().normalize());
        return new Result(figures, report, records, weekRecords);
    }

    /**
     * Lists the week a few times before anything is measured, so that the first client measured does not pay for the
     * simulator's cold JIT. Three listings per warm-up round; none without warm-up rounds.
     */
    private void warmUp(SimulatorProcess simulator) throws Exception {
        int listings = 3 * options.warmups();
        if (listings == 0) {
            return;
        }
        long t0 = System.nanoTime();
        try (PlainClient client = new PlainClient(simulator.baseUrl(), simulator.tokenUrl(), 2)) {
            for (int i = 0; i < listings; i++) {
                client.listWorkspaceReservations(Window.week(today));
            }
        }
        out.printf(Locale.ROOT, "Simulator warmed up: %d listings of the week in %.1f s%n", listings,
                (System.nanoTime() - t0) / 1e9);
    }

    /**
     * A week of workspace reservations, 1,000 per page, through each client in this JVM, the clients taking turns
     * round by round. The expected count is what the simulator holds for the week when that is cheap to ask (a small
     * data set), else what the plain client counts.
     */
    private List<Figure> week(SimulatorProcess simulator, long weekRecords) {
        Window week = Window.week(today);
        int listings = options.weekListings();
        out.println("Case week: " + week + ", listed " + listings + " time(s) a round");
        long expected = weekRecords < 0 ? -1 : weekRecords * listings;
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender(figure("week", PLAIN, expected), () -> {
            PlainClient client = new PlainClient(simulator.baseUrl(), simulator.tokenUrl(), 4);
            return new Client(slice -> client.listWorkspaceReservations(week), client::close);
        }));
        contenders.add(new Contender(figure("week", CAMEL_HTTP, expected), () -> {
            CamelHttpRoute route = new CamelHttpRoute(simulator.baseUrl(), simulator.tokenUrl(), 4);
            return new Client(slice -> route.listWorkspaceReservations(week), route::close);
        }));
        contenders.add(new Contender(figure("week", LIST, expected), () -> {
            MapiqClient client = new MapiqClient(simulator.baseUrl(), simulator.tokenUrl(), 4);
            return new Client(slice -> client.list(week), client::close);
        }));
        contenders.add(new Contender(figure("week", CONSUMER_POJO, expected), () -> consumer(simulator,
                "mapiq:workspace-reservations?" + week.mapiqOptions())));
        contenders.add(new Contender(figure("week", CONSUMER_JSON, expected), () -> consumer(simulator,
                "mapiq:workspace-reservations?" + week.mapiqOptions() + "&outputFormat=json")));
        return interleaved(simulator, contenders, expected < 0, listings);
    }

    private static Client consumer(SimulatorProcess simulator, String uri) throws Exception {
        CamelContext context = MapiqClient.newContext(simulator.baseUrl(), simulator.tokenUrl(), 4);
        PolledRoute route = new PolledRoute(context, uri);
        return new Client(slice -> route.poll(), route::close);
    }

    /** The 61-day window, every record of the simulator, each client in a child JVM of {@code --million-heap}. */
    private List<Figure> million(SimulatorProcess simulator, long records) {
        out.println("Case million: " + Window.sixtyOneDays(today) + ", -Xmx" + options.millionHeap() + " per client");
        String heap = "-Xmx" + options.millionHeap();
        List<Figure> figures = new ArrayList<>();
        figures.addAll(ChildCaseRun.run(HeapBoundCase.MILLION_PLAIN, options.millionHeap(), simulator, today, options,
                Map.of(HeapBoundCase.FIRST, Figure.of("million", MILLION_PLAIN, heap, "records").expect(records)),
                out));
        figures.addAll(ChildCaseRun.run(HeapBoundCase.MILLION_CONSUMER, options.millionHeap(), simulator, today, options,
                Map.of(HeapBoundCase.FIRST, Figure.of("million", MILLION_CONSUMER, heap, "records").expect(records)),
                out));
        report(figures);
        return figures;
    }

    /**
     * {@code changesOnly} over the 61-day window in child JVMs of {@code --changes-heap}, the plain client's listing
     * of the window first (see {@link ChangesCase}).
     */
    private List<Figure> changes(SimulatorProcess simulator) {
        out.println("Case changes: " + Window.sixtyOneDays(today) + ", -Xmx" + options.changesHeap() + ", state in "
                    + options.storeNames());
        List<Figure> figures = new ChangesCase(simulator, today, options, out).run();
        report(figures);
        return figures;
    }

    /**
     * {@code --threads} threads making {@code --calls} small calls per round, token requests counted; the
     * {@code operation=get} contender gets, by id, the user those calls answer.
     */
    private List<Figure> calls(SimulatorProcess simulator) throws Exception {
        out.println("Case calls: " + options.threads() + " threads, " + options.calls() + " calls of GET "
                    + SMALL_CALL_PATH + "?" + SMALL_CALL_QUERY + " per round");
        int connections = Math.max(options.threads() * 2, 8);
        String path = SMALL_CALL_PATH + "?" + SMALL_CALL_QUERY;
        String userId;
        try (PlainClient client = new PlainClient(simulator.baseUrl(), simulator.tokenUrl(), 1)) {
            userId = client.firstId(path); // before any contender is made: its token is nobody's
        }
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender(callsFigure(CALLS_PLAIN), () -> {
            PlainClient client = new PlainClient(simulator.baseUrl(), simulator.tokenUrl(), connections);
            return new Client(slice -> concurrently(slice, i -> client.get(path)), client::close);
        }));
        contenders.add(new Contender(callsFigure(CALLS_CAMEL_HTTP), () -> {
            CamelHttpRoute route = new CamelHttpRoute(simulator.baseUrl(), simulator.tokenUrl(), connections);
            return new Client(slice -> concurrently(slice, i -> route.get(SMALL_CALL_PATH, SMALL_CALL_QUERY)),
                    route::close);
        }));
        contenders.add(new Contender(callsFigure(CALLS_RAW), () -> {
            MapiqClient client = new MapiqClient(simulator.baseUrl(), simulator.tokenUrl(), connections);
            return new Client(slice -> concurrently(slice, i -> client.raw(path)), client::close);
        }));
        contenders.add(new Contender(callsFigure(CALLS_GET), () -> {
            MapiqClient client = new MapiqClient(simulator.baseUrl(), simulator.tokenUrl(), connections);
            return new Client(slice -> concurrently(slice, i -> client.get(userId)), client::close);
        }));
        return interleaved(simulator, contenders, false, CALL_SLICES);
    }

    private Figure.Builder callsFigure(String client) {
        return Figure.of("calls", client, HERE, "calls").expect(options.calls());
    }

    /** The {@code slice}th part of a round's {@code --calls} calls (the parts differ by one call at most). */
    private long concurrently(int slice, ConcurrentCalls.Call call) throws Exception {
        int calls = options.calls() / CALL_SLICES + (slice < options.calls() % CALL_SLICES ? 1 : 0);
        ConcurrentCalls made = new ConcurrentCalls().run(calls, options.threads(), call);
        if (made.failed() > 0) {
            throw new IllegalStateException(made.failed() + " of " + calls + " calls failed" + made.errors());
        }
        return made.succeeded();
    }

    private Figure.Builder figure(String group, String client, long expected) {
        return Figure.of(group, client, HERE, "records").expect(expected);
    }

    /** A client made for one figure, and how it is closed (which also aborts a round in progress). */
    /** One turn of a client: the {@code slice}th part of its round. */
    private interface Turn {
        long run(int slice) throws Exception;
    }

    private record Client(Turn work, AutoCloseable closer) {
        void close() {
            try {
                closer.close();
            } catch (Exception ignored) {
                // closing is best effort: the figure is taken already
            }
        }
    }

    private interface ClientFactory {
        Client create() throws Exception;
    }

    /** A figure to measure and how to make its client. */
    private record Contender(Figure.Builder figure, ClientFactory factory) {
    }

    /** Warm-up rounds beyond {@code --warmups} that may be added while the plain client's figure still moves (default). */
    static final int EXTRA_WARMUPS = 4;

    /**
     * Makes every client, then runs the rounds (warm-up rounds first). A round is {@code slices} turns of each client,
     * the clients taking turns within the round (plain, camel-http, ..., plain, camel-http, ...), so that a change of
     * the machine's load touches every client alike; a client's round is the sum of its turns. Both JVMs collect
     * their garbage before each turn. A client whose turn fails leaves the turns, its figure cut short; closes them.
     * The token requests the simulator sees while a client is made and while its turns run are that client's.
     *
     * @param firstSetsExpected the first client's first count becomes what every round of every client must count
     */
    private List<Figure> interleaved(SimulatorProcess simulator, List<Contender> contenders, boolean firstSetsExpected,
                                     int slices) {
        ControlPlane control = simulator.control();
        CpuMeter cpu = new CpuMeter(simulator.pid());
        int n = contenders.size();
        Client[] clients = new Client[n];
        Figure[] ended = new Figure[n];
        long[] tokens = new long[n];
        List<List<CpuMeter.Usage>> cpuOfRounds = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            cpuOfRounds.add(new ArrayList<>());
            Contender contender = contenders.get(c);
            long before = tokens(control);
            try {
                clients[c] = contender.factory().create();
            } catch (Exception | OutOfMemoryError e) {
                ended[c] = contender.figure().outcome(Rounds.isOutOfMemory(e) ? Figure.OUT_OF_MEMORY : Figure.FAILED,
                        "making the client: " + Rounds.describe(e));
            }
            tokens[c] += tokens(control) - before;
        }
        List<Double> firstWarmRates = new ArrayList<>();
        int warmups = 0;
        int measured = 0;
        for (int i = 0; measured < options.rounds() && Arrays.stream(ended).anyMatch(java.util.Objects::isNull); i++) {
            boolean warmup = warmingUp(warmups, firstWarmRates);
            out.printf(Locale.ROOT, "    %s%n", warmup ? "warm-up round " + (warmups + 1)
                    : "round " + (measured + 1) + " of " + options.rounds());
            long[] counts = new long[n];
            long[] nanos = new long[n];
            CpuMeter.Reading[] spent = new CpuMeter.Reading[n];
            for (int slice = 0; slice < slices; slice++) {
                for (int c = 0; c < n; c++) {
                    if (ended[c] != null) {
                        continue;
                    }
                    long before = tokens(control);
                    Client client = clients[c];
                    int part = slice;
                    collectGarbage(control); // what the turns before left is not collected in this one
                    CpuMeter.Reading cpuBefore = cpu.read();
                    Rounds.Outcome turn = Rounds.run(() -> client.work().run(part), options.timeout(), client::close);
                    CpuMeter.Reading used = cpu.read().minus(cpuBefore);
                    tokens[c] += tokens(control) - before;
                    if (!turn.ok()) {
                        ended[c] = contenders.get(c).figure().outcome(turn.failure(), "round " + (i + 1) + ": "
                                                                                       + turn.note());
                        client.close();
                        continue;
                    }
                    counts[c] += turn.count();
                    nanos[c] += turn.nanos();
                    spent[c] = spent[c] == null ? used : spent[c].plus(used);
                }
            }
            for (int c = 0; c < n; c++) {
                if (ended[c] != null) {
                    continue;
                }
                Figure.Builder figure = contenders.get(c).figure();
                if (firstSetsExpected && i == 0 && c == 0) {
                    long count = counts[0];
                    contenders.forEach(other -> other.figure().expect(count));
                }
                figure.round(warmup, counts[c], nanos[c]);
                CpuMeter.Usage usage = spent[c].perUnit(counts[c]);
                if (!warmup) {
                    cpuOfRounds.get(c).add(usage);
                }
                if (warmup && c == 0) {
                    firstWarmRates.add(counts[c] * 1e9 / Math.max(1, nanos[c]));
                }
                out.printf(Locale.ROOT, "    %s: %s%,d %s in %.2f s (%s)%n", figure.client(), warmup ? "(warm-up) " : "",
                        counts[c], figure.unit(), nanos[c] / 1e9, CpuMeter.describe(usage, figure.unit()));
            }
            if (warmup) {
                warmups++;
            } else {
                measured++;
            }
        }
        List<Figure> figures = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            if (clients[c] != null) {
                clients[c].close();
            }
            Figure f = ended[c] != null ? ended[c] : contenders.get(c).figure().build();
            f = f.withTokens(tokens[c]);
            figures.add(f.ok() && f.note().isEmpty() ? f.withNote(CpuMeter.median(cpuOfRounds.get(c), f.unit())) : f);
        }
        report(figures);
        return figures;
    }

    /**
     * Whether the next round is a warm-up: the first {@code --warmups}, then more (at most {@code --extra-warmups})
     * until the first contender (the plain client) ran two warm-up rounds in a row within 10 % of each other, so that
     * the measured rounds do not include the JIT's or the simulator's settling. No warm-up at all with
     * {@code --warmups 0}.
     */
    private boolean warmingUp(int done, List<Double> firstRates) {
        if (options.warmups() == 0) {
            return false;
        }
        if (done < options.warmups()) {
            return true;
        }
        if (done >= options.warmups() + options.extraWarmups() || firstRates.isEmpty()) {
            return false; // the cap, or a plain client that could not run: nothing to wait for
        }
        if (firstRates.size() < 2) {
            return true;
        }
        double last = firstRates.get(firstRates.size() - 1);
        double before = firstRates.get(firstRates.size() - 2);
        return Math.abs(last - before) > 0.10 * Math.max(last, before);
    }

    /**
     * Collects the garbage of this JVM and of the simulator's between two rounds: a collection that one client's round
     * made due (a client that allocates much, a listing held whole) would otherwise land in whichever round runs next.
     * A collection a round needs for itself still lands in it. Not timed.
     */
    private void collectGarbage(ControlPlane control) {
        System.gc();
        try {
            control.collectGarbage();
        } catch (IOException e) {
            out.println("    (the simulator did not collect its garbage: " + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Token requests the simulator has seen; -1 (and so nonsense deltas are avoided) if it cannot tell. */
    private static long tokens(ControlPlane control) {
        try {
            return control.tokenRequests();
        } catch (Exception e) {
            return 0;
        }
    }

    private void report(List<Figure> figures) {
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "  => %-70s %,12d %s  %,12.0f/s  median %.2f s  %s%s%s%n", f.client(),
                    f.count(), f.unit(), f.rate(), f.medianTime().toNanos() / 1e9, f.outcome(),
                    f.tokens() >= 0 ? ", token requests " + f.tokens() : "",
                    f.note().isEmpty() ? "" : " (" + f.note() + ")");
        }
    }
}
