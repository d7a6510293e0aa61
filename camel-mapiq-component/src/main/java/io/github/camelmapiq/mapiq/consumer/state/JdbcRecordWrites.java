package io.github.camelmapiq.mapiq.consumer.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The statements of a {@link JdbcSnapshotStore} write, in batches of {@value #BATCH} rows: removed rows are deleted,
 * stored rows updated, and only the rows the update did not find inserted. A record the store does not hold yet is so
 * inserted without a {@code DELETE} before it, and one it holds is rewritten in place; new records known to be absent
 * (the write-ahead marks of a page) are inserted straight away.
 */
final class JdbcRecordWrites {

    static final int BATCH = 1000;
    static final int ROWS = 100;

    private final JdbcStateTables tables;

    JdbcRecordWrites(JdbcStateTables tables) {
        this.tables = tables;
    }

    /** Deletes {@code removes}, updates {@code puts}, inserts those of {@code puts} not found. */
    void write(Connection connection, String key, Collection<StoredRecord> puts, Collection<String> removes)
            throws SQLException {
        String keyColumn = JdbcKeys.column(key);
        if (!removes.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + tables.records() + " WHERE state_key = ? AND record_id = ?")) {
                int pending = 0;
                for (String id : removes) {
                    delete.setString(1, keyColumn);
                    delete.setString(2, JdbcKeys.column(id));
                    delete.addBatch();
                    if (++pending == BATCH) {
                        delete.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    delete.executeBatch();
                }
            }
        }
        List<StoredRecord> missing = new ArrayList<>();
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE " + tables.records() + " SET record_day = ?, fingerprint_high = ?, fingerprint_low = ?, "
                + "body = ?, full_record_id = ?, mark_poll = NULL WHERE state_key = ? AND record_id = ?")) {
            List<StoredRecord> batch = new ArrayList<>(Math.min(BATCH, puts.size()));
            for (StoredRecord record : puts) {
                update.setInt(1, record.day());
                update.setLong(2, record.fingerprintHigh());
                update.setLong(3, record.fingerprintLow());
                update.setBytes(4, record.packedBody());
                update.setString(5, JdbcKeys.full(record.id()));
                update.setString(6, keyColumn);
                update.setString(7, JdbcKeys.column(record.id()));
                update.addBatch();
                batch.add(record);
                if (batch.size() == BATCH) {
                    notUpdated(update.executeBatch(), batch, missing);
                }
            }
            if (!batch.isEmpty()) {
                notUpdated(update.executeBatch(), batch, missing);
            }
        }
        insert(connection, key, missing, null);
    }

    /** Collects the records of {@code batch} whose update found no row, and empties the batch. */
    private static void notUpdated(int[] counts, List<StoredRecord> batch, List<StoredRecord> missing) {
        for (int i = 0; i < batch.size(); i++) {
            if (i >= counts.length || counts[i] == 0) {
                missing.add(batch.get(i));
            } else if (counts[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("The database did not say which rows an update found: the "
                                                + "stateDataSource store supports PostgreSQL and H2");
            }
        }
        batch.clear();
    }

    /**
     * Inserts rows the store does not hold, as marks of {@code markPoll} ({@link JdbcMarks}) unless {@code null}: on
     * PostgreSQL by {@code COPY} ({@link PostgreSqlCopy}), elsewhere {@value #ROWS} rows a statement, since one
     * multi-row {@code VALUES} list costs the database far less than as many one-row statements.
     */
    void insert(Connection connection, String key, Collection<StoredRecord> records, Long markPoll)
            throws SQLException {
        List<StoredRecord> all = records instanceof List<StoredRecord> list ? list : new ArrayList<>(records);
        String keyColumn = JdbcKeys.column(key);
        PostgreSqlCopy copy = all.isEmpty() || !tables.isPostgreSql() ? null : PostgreSqlCopy.of(connection);
        if (copy != null) {
            copy.insert(tables.records(), keyColumn, all, markPoll);
            return;
        }
        int whole = all.size() / ROWS * ROWS;
        if (whole > 0) {
            try (PreparedStatement insert = connection.prepareStatement(insertOf(ROWS))) {
                int pending = 0;
                for (int from = 0; from < whole; from += ROWS) {
                    bind(insert, all.subList(from, from + ROWS), keyColumn, markPoll);
                    insert.addBatch();
                    if (++pending * ROWS >= BATCH) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
        if (whole < all.size()) {
            try (PreparedStatement insert = connection.prepareStatement(insertOf(all.size() - whole))) {
                bind(insert, all.subList(whole, all.size()), keyColumn, markPoll);
                insert.executeUpdate();
            }
        }
    }

    private String insertOf(int rows) {
        return "INSERT INTO " + tables.records() + " (state_key, record_id, record_day, fingerprint_high, "
               + "fingerprint_low, body, full_record_id, mark_poll) VALUES "
               + String.join(", ", java.util.Collections.nCopies(rows, "(?, ?, ?, ?, ?, ?, ?, ?)"));
    }

    private static void bind(PreparedStatement insert, List<StoredRecord> rows, String keyColumn, Long markPoll)
            throws SQLException {
        int p = 0;
        for (StoredRecord record : rows) {
            insert.setString(++p, keyColumn);
            insert.setString(++p, JdbcKeys.column(record.id()));
            insert.setInt(++p, record.day());
            insert.setLong(++p, record.fingerprintHigh());
            insert.setLong(++p, record.fingerprintLow());
            insert.setBytes(++p, record.packedBody());
            insert.setString(++p, JdbcKeys.full(record.id()));
            insert.setObject(++p, markPoll, java.sql.Types.BIGINT);
        }
    }
}
