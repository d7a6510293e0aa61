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

    /** Inserts rows the store does not hold, as marks of {@code markPoll} ({@link JdbcMarks}) unless {@code null}. */
    void insert(Connection connection, String key, Collection<StoredRecord> records, Long markPoll)
            throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        String keyColumn = JdbcKeys.column(key);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + tables.records() + " (state_key, record_id, record_day, fingerprint_high, "
                + "fingerprint_low, body, full_record_id, mark_poll) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (StoredRecord record : records) {
                insert.setString(1, keyColumn);
                insert.setString(2, JdbcKeys.column(record.id()));
                insert.setInt(3, record.day());
                insert.setLong(4, record.fingerprintHigh());
                insert.setLong(5, record.fingerprintLow());
                insert.setBytes(6, record.packedBody());
                insert.setString(7, JdbcKeys.full(record.id()));
                insert.setObject(8, markPoll, java.sql.Types.BIGINT);
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }
}
