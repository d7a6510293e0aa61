package io.github.camelmapiq.mapiq.consumer.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The write-ahead marks of a {@link JdbcSnapshotStore}, confirmed a poll at a time. A mark is a row whose
 * {@code mark_poll} is above the number confirmed for its state key, which the values table keeps under
 * {@code mapiq.marks:} and the key. Marks are inserted with that number plus one, holding their record's real state; a
 * write confirms them all by raising the number in its transaction: one row written, however many marks. At a
 * consumer's start the marks above the number (an earlier run's, never confirmed) get a zero fingerprint and no
 * {@code mark_poll}: marks for good, which no later confirmation turns into records.
 */
final class JdbcMarks {

    private final JdbcStateTables tables;
    /** The confirmed number of each key, as last read or written by this store. */
    private final Map<String, Long> confirmed = new ConcurrentHashMap<>();
    /** The keys with marks inserted and not confirmed yet. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    JdbcMarks(JdbcStateTables tables) {
        this.tables = tables;
    }

    /** The {@code mark_poll} of marks inserted now under {@code key}. */
    long next(Connection connection, String key) throws SQLException {
        pending.add(key);
        return confirmed(connection, key) + 1;
    }

    /** In a write's transaction: confirms the marks of {@code key}, if any; {@link #committed} once it commits. */
    Long confirm(Connection connection, String key) throws SQLException {
        if (!pending.contains(key)) {
            return null;
        }
        long next = confirmed(connection, key) + 1;
        tables.putValue(connection, JdbcKeys.column(valueKey(key)), Long.toString(next));
        return next;
    }

    /** The transaction that {@linkplain #confirm confirmed} {@code number} has committed. */
    void committed(String key, Long number) {
        if (number != null) {
            confirmed.put(key, number);
            pending.remove(key);
        }
    }

    /** In a transaction: the marks above the confirmed number become marks for good (see the class). */
    void settle(Connection connection, String key) throws SQLException {
        confirmed.remove(key);
        pending.remove(key);
        long number = confirmed(connection, key);
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + tables.records()
                + " SET fingerprint_high = 0, fingerprint_low = 0, mark_poll = NULL WHERE state_key = ? "
                + "AND mark_poll > ?")) {
            update.setString(1, JdbcKeys.column(key));
            update.setLong(2, number);
            update.executeUpdate();
        }
    }

    /** {@code key} starts over: its number goes with its rows (in the same transaction). */
    void forget(Connection connection, String key) throws SQLException {
        tables.putValue(connection, JdbcKeys.column(valueKey(key)), null);
        confirmed.remove(key);
        pending.remove(key);
    }

    /** The confirmed number of {@code key}: rows marked above it are marks. */
    long confirmed(Connection connection, String key) throws SQLException {
        Long known = confirmed.get(key);
        if (known == null) {
            String value = tables.value(connection, JdbcKeys.column(valueKey(key)));
            known = value == null ? 0L : Long.parseLong(value);
            confirmed.put(key, known);
        }
        return known;
    }

    private static String valueKey(String key) {
        return "mapiq.marks:" + key;
    }
}
