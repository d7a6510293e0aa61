package io.github.camelmapiq.mapiq.consumer;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.consumer.state.TemporaryPostgreSql;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.AfterAll;
import org.postgresql.ds.PGSimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The database state on a real PostgreSQL server, started for this class from Debian's {@code postgresql}. */
class StateInPostgreSqlTest extends StateInADatabaseTestSupport {

    private static TemporaryPostgreSql postgres;

    @BeforeAll
    static void startPostgreSql() throws Exception {
        postgres = TemporaryPostgreSql.start(Path.of("target"));
    }

    @AfterAll
    static void stopPostgreSql() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    DataSource dataSource() {
        return postgres.dataSource();
    }

    /**
     * A record store writes each row once and in place: a first poll inserts each new record once (its write-ahead
     * mark holds its state, and the poll's write confirms the marks without touching their rows), deleting nothing; a
     * poll with 20 updated records updates those 20 rows and no other.
     * PostgreSQL's own row counters tell.
     */
    @Test
    void aPollWithTwentyChangesRewritesTwentyRowsInPlace() throws Exception {
        String key = "in-place-" + System.nanoTime();
        List<String> ids = usersWith(40, "InPlace");
        Recorder recorder = new Recorder();
        ScheduledPollConsumer consumer = polledByTheTest(key, recorder);
        long[] before = settledRowCounts();
        consumer.run();
        assertThat(recorder.ids()).containsExactlyInAnyOrderElementsOf(ids);
        assertRowsWritten(before, ids.size(), 0, 0);

        for (int i = 0; i < 20; i++) {
            control.update("users", ids.get(i), Map.of("department", key));
        }
        long[] beforeChanges = settledRowCounts();
        consumer.run();
        assertThat(recorder.size()).isEqualTo(ids.size() + 20);
        assertRowsWritten(beforeChanges, 0, 20, 0);
    }

    /**
     * A first poll's rows go to PostgreSQL by {@code COPY}, not {@code INSERT}, also through a pool's connection that
     * wraps the driver's (reached by {@code unwrap}); a connection that wraps nothing it admits to gets {@code INSERT}s.
     * Either way every record is stored once and a second poll delivers only what changed.
     */
    @Test
    void aFirstPollCopiesItsRowsThroughAWrappedConnectionAndInsertsThemThroughAnOpaqueOne() throws Exception {
        List<String> ids = usersWith(12, "Copied");
        int n = allIds("users").size();
        for (boolean unwraps : new boolean[] { true, false }) {
            String key = "copy-" + unwraps + "-" + System.nanoTime();
            List<String> inserts = new java.util.concurrent.CopyOnWriteArrayList<>();
            Recorder recorder = new Recorder();
            ScheduledPollConsumer consumer = polledByTheTest(key, "&pageSize=5",
                    pooled(dataSource(), unwraps, inserts), recorder);
            consumer.run();
            assertThat(recorder.changes()).as("unwraps: %s", unwraps).hasSize(n)
                    .containsAll(ids.stream().map(id -> "CREATED " + id).toList());
            assertThat(rows(dataSource(), key)).as("unwraps: %s", unwraps).hasSize(n).containsAll(ids);
            if (unwraps) {
                assertThat(inserts).as("INSERT statements of a first poll by COPY").isEmpty();
            } else {
                assertThat(inserts).as("INSERT statements of a first poll without COPY").isNotEmpty();
            }
            control.update("users", ids.get(0), Map.of("department", key));
            consumer.run();
            assertThat(recorder.changesFrom(n)).as("unwraps: %s", unwraps).containsExactly("UPDATED " + ids.get(0));
        }
    }

    /**
     * {@code dataSource} as a pool hands it out: each connection a proxy of the driver's, which {@code unwrap}s to it
     * when {@code unwraps}, and notes each {@code INSERT} into the records table it prepares in {@code inserts}.
     */
    private static DataSource pooled(DataSource dataSource, boolean unwraps, List<String> inserts) {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] { DataSource.class }, (proxy, method, args) -> {
                    Object result = invoke(dataSource, method, args);
                    return result instanceof Connection connection ? wrapped(connection, unwraps, inserts) : result;
                });
    }

    private static Connection wrapped(Connection connection, boolean unwraps, List<String> inserts) {
        return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "isWrapperFor" -> {
                            Class<?> type = (Class<?>) args[0];
                            return type.isInstance(proxy) || unwraps && connection.isWrapperFor(type);
                        }
                        case "unwrap" -> {
                            Class<?> type = (Class<?>) args[0];
                            if (type.isInstance(proxy)) {
                                return proxy;
                            }
                            if (!unwraps) {
                                throw new java.sql.SQLException("not a wrapper for " + type.getName());
                            }
                            return connection.unwrap(type);
                        }
                        case "prepareStatement" -> {
                            String sql = (String) args[0];
                            if (sql.trim().startsWith("INSERT") && sql.contains("mapiq_snapshot_record")) {
                                inserts.add(sql);
                            }
                        }
                        default -> {
                        }
                    }
                    return invoke(connection, method, args);
                });
    }

    private void assertRowsWritten(long[] before, long inserted, long updated, long deleted) {
        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            long[] now = rowCounts();
            assertThat(new long[] { now[0] - before[0], now[1] - before[1], now[2] - before[2] })
                    .as("rows inserted, updated, deleted").containsExactly(inserted, updated, deleted);
        });
    }

    /** The row counters once they stop moving (the server publishes them a moment after a session ends). */
    private long[] settledRowCounts() throws Exception {
        long[][] last = { rowCounts() };
        await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ofMillis(1500)).until(() -> {
            long[] now = rowCounts();
            boolean settled = java.util.Arrays.equals(now, last[0]);
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /** Rows inserted, updated and deleted in table mapiq_snapshot_record since the server started. */
    private long[] rowCounts() throws Exception {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables "
                                                     + "WHERE schemaname = 'public' AND relname = "
                                                     + "'mapiq_snapshot_record'")) {
            return rows.next() ? new long[] { rows.getLong(1), rows.getLong(2), rows.getLong(3) } : new long[3];
        }
    }

    @Override
    DataSource dataSourceInSchema(String schema) throws Exception {
        try (Connection connection = dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
        }
        PGSimpleDataSource dataSource = (PGSimpleDataSource) postgres.dataSource();
        dataSource.setCurrentSchema(schema);
        return dataSource;
    }
}
