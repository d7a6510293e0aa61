package io.github.camelmapiq.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The main class of a child JVM that runs one case in a heap of its own ({@code -Xmx256m}, {@code -Xmx512m}): the
 * 61-day window through the plain streaming client or through the component's consumer, or {@code changesOnly} over
 * it (its state in the heap, in an embedded H2 database, or in PostgreSQL). It reports each round on standard output
 * as a line starting with {@value #PREFIX}, which {@link ChildCaseRun} reads; running out of heap ends the JVM
 * ({@code -XX:+ExitOnOutOfMemoryError}), which the parent reports.
 *
 * <p>Arguments: {@code <kind> <baseUrl> <tokenUrl> <warmups> <rounds> <today> [<postgresqlUrl>]}, today being the
 * simulator's, the last the JDBC URL of the PostgreSQL server's {@code postgres} database (for
 * {@value #CHANGES_IN_POSTGRESQL}); the simulator's control token, if it has one, in the environment variable
 * {@value ControlPlane#TOKEN_ENV}.
 */
public final class HeapBoundCase {

    static final String PREFIX = "@@";
    static final String MILLION_PLAIN = "million-plain";
    static final String MILLION_CONSUMER = "million-consumer";
    static final String CHANGES = "changes";
    static final String CHANGES_IN_DATABASE = "changes-db";
    static final String CHANGES_IN_POSTGRESQL = "changes-pg";
    /** H2's page cache in KB: small, so that the live heap shows the state is in the database. */
    static final int H2_CACHE_KB = 8192;
    static final String FIRST = "first";
    /** A poll right after the first one, nothing having changed: it must deliver nothing. */
    static final String UNCHANGED = "unchanged";
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
        this.control = new ControlPlane(baseUrl, System.getenv(ControlPlane.TOKEN_ENV));
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
                case CHANGES_IN_DATABASE -> run.changesInDatabase();
                case CHANGES_IN_POSTGRESQL -> run.changesInPostgreSql(args[6]);
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

    /**
     * The same polls as {@link #changes}, the state in an embedded H2 file database ({@code stateDataSource}, through
     * H2's own connection pool, a page cache of {@value #H2_CACHE_KB} KB), a new database each round: the consumer keeps
     * no record in the heap between polls.
     */
    private void changesInDatabase() throws Exception {
        for (int i = 0; i < warmups + rounds; i++) {
            long expected = control.count(ControlPlane.WORKSPACE_RESERVATIONS);
            Path dir = Files.createTempDirectory("mapiq-benchmark-h2");
            JdbcConnectionPool database = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("state")
                                                                    + ";CACHE_SIZE=" + H2_CACHE_KB, "sa", "");
            try {
                CamelContext context = MapiqClient.newContext(baseUrl, tokenUrl, 4);
                context.getRegistry().bind("benchmarkDb", database);
                try (PolledRoute route = new PolledRoute(context, "mapiq:workspace-reservations?"
                                                                  + window.mapiqOptions()
                                                                  + "&changesOnly=true&stateDataSource=#benchmarkDb"
                                                                  + "&stateKey=benchmark")) {
                    measure(FIRST, i, expected, route::poll);
                    int changed = change(route.firstIds(), i);
                    measure(SECOND, i, changed, route::poll);
                }
                emit(String.format(Locale.ROOT, "NOTE %s state in H2: %.1f MB on disk", SECOND, size(dir) / 1048576.0));
            } finally {
                database.dispose();
                deleteAll(dir);
            }
        }
    }

    /**
     * {@code changesOnly} with the state in PostgreSQL ({@code stateDataSource}, a plain {@code PGSimpleDataSource}),
     * a new database each round: the first poll, a poll with nothing changed (it must deliver nothing), then the
     * {@value #MOVED} + {@value #DELETED} changes and a poll that must deliver exactly those. Each poll's rows
     * written to the records table are counted by PostgreSQL ({@link PostgreSqlRound#written()}), after the poll's
     * measured time.
     */
    private void changesInPostgreSql(String serverUrl) throws Exception {
        for (int i = 0; i < warmups + rounds; i++) {
            long expected = control.count(ControlPlane.WORKSPACE_RESERVATIONS);
            boolean warmup = i < warmups;
            try (PostgreSqlRound database = PostgreSqlRound.create(serverUrl, "mapiq_state_" + (i + 1))) {
                CamelContext context = MapiqClient.newContext(baseUrl, tokenUrl, 4);
                context.getRegistry().bind("benchmarkDb", database.dataSource());
                try (PolledRoute route = new PolledRoute(context, "mapiq:workspace-reservations?"
                                                                  + window.mapiqOptions()
                                                                  + "&changesOnly=true&stateDataSource=#benchmarkDb"
                                                                  + "&stateKey=benchmark")) {
                    PostgreSqlRound.Rows before = database.written();
                    measure(FIRST, i, expected, route::poll);
                    PostgreSqlRound.Rows afterFirst = written(FIRST, warmup, database, before, "");
                    measure(UNCHANGED, i, 0, route::poll);
                    PostgreSqlRound.Rows afterUnchanged = written(UNCHANGED, warmup, database, afterFirst, "");
                    int changed = change(route.firstIds(), i);
                    measure(SECOND, i, changed, route::poll);
                    written(SECOND, warmup, database, afterUnchanged, String.format(Locale.ROOT,
                            "; state in PostgreSQL: %.1f MB on disk (pg_database_size)",
                            database.sizeOnDisk() / 1048576.0));
                }
            }
        }
    }

    /** Reports the rows a poll wrote to the records table (and {@code more}); answers the counts after it. */
    private static PostgreSqlRound.Rows written(String label, boolean warmup, PostgreSqlRound database,
                                                PostgreSqlRound.Rows before, String more) throws Exception {
        PostgreSqlRound.Rows now = database.written();
        PostgreSqlRound.Rows poll = now.since(before);
        emit("WRITTEN " + label + " " + warmup + " " + poll.total());
        emit("NOTE " + label + " " + poll + more);
        return now;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Moves the first reservations to another desk and deletes the next ones; answers how many were changed. */
    private int change(List<String> ids, int round) throws Exception {
        int changed = 0;
        for (int i = 0; i < ids.size() && changed < MOVED + DELETED; i++) {
            String id = ids.get(i);
            if (changed < MOVED) {
                // a desk no earlier run moved the record to: each store's run shares the one simulator
                control.update(ControlPlane.WORKSPACE_RESERVATIONS, id,
                        Map.of("deskId", "moved-desk-" + round + "-" + i + "-" + java.util.UUID.randomUUID()));
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
