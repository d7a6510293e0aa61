package io.github.camelmapiq.mapiq.consumer.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * The connections of a {@link JdbcSnapshotStore}: each polling key holds one from the beginning of its poll to its
 * end, so that a {@code DataSource} without a pool costs one connection a poll, not one a page; anything else takes a
 * connection for the one call. The {@code DataSource} itself belongs to the application.
 */
final class JdbcConnections {

    @FunctionalInterface
    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** A connection for one use: the poll's (left open) or one of its own (closed). */
    record Lease(Connection connection, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owned) {
                connection.close();
            }
        }
    }

    private final DataSource dataSource;
    private final Map<String, Connection> polls = new ConcurrentHashMap<>();

    JdbcConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The poll of {@code key} begins: it holds a connection until {@link #release}. */
    void hold(String key) throws SQLException {
        release(key);
        polls.put(key, dataSource.getConnection());
    }

    void release(String key) {
        Connection held = polls.remove(key);
        if (held != null) {
            try {
                held.close();
            } catch (SQLException ignored) {
                // given back to the DataSource all the same
            }
        }
    }

    void releaseAll() {
        polls.keySet().forEach(this::release);
    }

    /** The connection the poll of {@code key} holds, or a new one, closed with the lease. */
    Lease lease(String key) throws SQLException {
        Connection held = key == null ? null : polls.get(key);
        return held != null ? new Lease(held, false) : new Lease(dataSource.getConnection(), true);
    }

    /** Runs {@code work} in one transaction on {@link #lease}'s connection, rolled back when it fails. */
    void inTransaction(String key, Work work) throws SQLException {
        try (Lease lease = lease(key)) {
            Connection connection = lease.connection();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }
}
