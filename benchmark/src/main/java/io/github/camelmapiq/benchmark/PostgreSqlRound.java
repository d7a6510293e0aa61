package io.github.camelmapiq.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

/**
 * A new database of the benchmark's throw-away PostgreSQL server for one round of the {@code changes} case (created
 * at the start, dropped at {@link #close}), reached through a plain {@link PGSimpleDataSource}: no pool, so each
 * connection the consumer's store takes is a new server backend, ended when the store closes it.
 * <p>
 * It counts the rows written to the store's records table from PostgreSQL's own statistics
 * ({@code pg_stat_user_tables}: {@code n_tup_ins + n_tup_upd + n_tup_del}). A backend hands its counts to the
 * statistics when it ends, before it leaves {@code pg_stat_activity}; so {@link #written()} first waits until no other
 * client backend is connected to the database (the store's connections all closed), then reads a fresh snapshot of
 * the statistics. Rows of a rolled-back transaction count too: they were written.
 */
final class PostgreSqlRound implements AutoCloseable {

    /** The table of the consumer's per-record state ({@code JdbcSnapshotStore}); unquoted, so in lower case. */
    static final String RECORDS_TABLE = "mapiq_snapshot_record";

    private static final Duration BACKENDS_GONE = Duration.ofSeconds(60);

    private final PGSimpleDataSource server;
    private final PGSimpleDataSource database;
    private final String name;

    /** Rows of the records table inserted, updated and deleted, as PostgreSQL counted them. */
    record Rows(long inserted, long updated, long deleted) {
        long total() {
            return inserted + updated + deleted;
        }

        Rows since(Rows before) {
            return new Rows(inserted - before.inserted, updated - before.updated, deleted - before.deleted);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,d rows written to %s (%,d inserted, %,d updated, %,d deleted)",
                    total(), RECORDS_TABLE, inserted, updated, deleted);
        }
    }

    private PostgreSqlRound(PGSimpleDataSource server, PGSimpleDataSource database, String name) {
        this.server = server;
        this.database = database;
        this.name = name;
    }

    /**
     * Creates database {@code name} on the server of {@code serverUrl} (a JDBC URL of its {@code postgres} database,
     * user {@code postgres}, trusted).
     */
    static PostgreSqlRound create(String serverUrl, String name) throws SQLException {
        PGSimpleDataSource server = dataSource(serverUrl);
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        }
        String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + name;
        return new PostgreSqlRound(server, dataSource(url), name);
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser("postgres");
        return dataSource;
    }

    /** The round's database, for {@code stateDataSource}. */
    DataSource dataSource() {
        return database;
    }

    /**
     * What the records table has had written so far (zero before the store created it), once every other connection
     * to the database has ended and handed its counts to the statistics.
     */
    Rows written() throws SQLException, InterruptedException {
        try (Connection connection = database.getConnection()) {
            awaitNoOtherBackend(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT pg_stat_clear_snapshot()");
            }
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables WHERE relname = ?")) {
                select.setString(1, RECORDS_TABLE);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? new Rows(row.getLong(1), row.getLong(2), row.getLong(3)) : new Rows(0, 0, 0);
                }
            }
        }
    }

    private void awaitNoOtherBackend(Connection connection) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + BACKENDS_GONE.toNanos();
        try (PreparedStatement others = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            while (true) {
                try (ResultSet count = others.executeQuery()) {
                    count.next();
                    if (count.getLong(1) == 0) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("A connection to " + name + " stayed open " + BACKENDS_GONE
                                                    .toSeconds() + " s after the poll: its rows cannot be counted");
                }
                Thread.sleep(10);
            }
        }
    }

    /** The database's size on disk, in bytes ({@code pg_database_size}). */
    long sizeOnDisk() throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet size = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            size.next();
            return size.getLong(1);
        }
    }

    /** Drops the database, ending any connection still open to it. */
    @Override
    public void close() throws SQLException {
        try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
