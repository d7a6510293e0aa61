package io.github.camelmapiq.mapiq.consumer.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link SnapshotStore} in a relational database (option {@code stateDataSource}; tested on PostgreSQL and H2): one
 * row per record, and each write in one transaction. Its two tables, {@code mapiq_snapshot_record} and
 * {@code mapiq_state_value}, are found, or created when missing, in the connection's current schema
 * ({@link JdbcStateTables}, whose DDL the user guide shows).
 * <p>
 * Keys and ids of any length are stored: one over 250 characters by its digest, the id in full in
 * {@code full_record_id} ({@link JdbcKeys}). A write updates the rows it replaces, inserts the new ones, deletes
 * the removed ones and confirms the write-ahead marks, in one transaction ({@link JdbcRecordWrites},
 * {@link JdbcMarks}); a poll holds one connection. The store {@linkplain #supportsLookup looks records up} by
 * primary key, a few hundred ids a query, so its consumers keep no record in the heap between polls.
 */
public class JdbcSnapshotStore extends ServiceSupport implements SnapshotStore {

    private static final int BATCH = JdbcRecordWrites.BATCH;
    private static final int LOOKUP = 500;
    /** Rows inserted after which the records table's statistics are refreshed ({@link JdbcStateTables#analyze}). */
    private static final long ANALYZE_AFTER = 10_000;

    private final DataSource dataSource;
    /**
     * Whether lookups name each row by its whole key, {@code (state_key, record_id) IN ((?, ?), ...)}: H2 finds those
     * by primary key, while for {@code state_key = ? AND record_id IN (...)} it reads every row of the state key.
     */
    private volatile boolean lookupByRowValue;
    private volatile JdbcStateTables tables;
    private volatile JdbcRecordWrites writes;
    private volatile JdbcMarks marks;
    /** Rows inserted since the statistics were last refreshed. */
    private final AtomicLong inserted = new AtomicLong();
    /** The connection each polling key holds from {@link #pollBegins} to {@link #pollEnded}. */
    private final JdbcConnections connections;

    public JdbcSnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.connections = new JdbcConnections(dataSource);
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    @Override
    protected void doStart() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            tables = JdbcStateTables.inCurrentSchema(connection);
        }
        lookupByRowValue = tables.isH2();
        writes = new JdbcRecordWrites(tables);
        marks = new JdbcMarks(tables);
    }

    @Override
    protected void doStop() {
        connections.releaseAll();
    }

    @Override
    public void load(String key, Loader loader) throws SQLException, DamagedStateException {
        read(key, true, loader);
    }

    /** Streams the rows without their bodies: what a poll's search for deletions needs. */
    @Override
    public void scan(String key, Loader loader) throws SQLException, DamagedStateException {
        read(key, false, loader);
    }

    private void read(String key, boolean withBodies, Loader loader) throws SQLException, DamagedStateException {
        try (JdbcConnections.Lease lease = connections.lease(key)) {
            Connection connection = lease.connection();
            boolean autoCommit = connection.getAutoCommit();
            long confirmed = marks.confirmed(connection, key);
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows instead of reading them all first
            try (PreparedStatement select = connection.prepareStatement(
                    columns(withBodies) + " WHERE state_key = ?")) {
                select.setFetchSize(BATCH);
                select.setString(1, JdbcKeys.column(key));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        loader.put(record(key, rows, withBodies, confirmed));
                    }
                }
                connection.commit();
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    @Override
    public boolean supportsLookup() {
        return true;
    }

    /** One {@code SELECT ... IN (...)} per {@value #LOOKUP} ids. */
    @Override
    public Map<String, StoredRecord> find(String key, Collection<String> ids, boolean withBodies) throws SQLException, DamagedStateException {
        Map<String, StoredRecord> found = new HashMap<>();
        List<String> all = List.copyOf(ids);
        try (JdbcConnections.Lease lease = connections.lease(key)) {
            Connection connection = lease.connection();
            long confirmed = marks.confirmed(connection, key);
            for (int from = 0; from < all.size(); from += LOOKUP) {
                List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP));
                try (PreparedStatement select = connection.prepareStatement(columns(withBodies) + lookup(chunk.size()))) {
                    int parameter = 1;
                    String keyColumn = JdbcKeys.column(key);
                    if (!lookupByRowValue) {
                        select.setString(parameter++, keyColumn);
                    }
                    for (String id : chunk) {
                        if (lookupByRowValue) {
                            select.setString(parameter++, keyColumn);
                        }
                        select.setString(parameter++, JdbcKeys.column(id));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            StoredRecord record = record(key, rows, withBodies, confirmed);
                            found.put(record.id(), record);
                        }
                    }
                }
            }
        }
        return found;
    }

    private String lookup(int ids) {
        return lookupByRowValue
                ? " WHERE (state_key, record_id) IN (" + String.join(", ", Collections.nCopies(ids, "(?, ?)")) + ")"
                : " WHERE state_key = ? AND record_id IN (" + String.join(", ", Collections.nCopies(ids, "?")) + ")";
    }

    private String columns(boolean withBodies) {
        return "SELECT record_id, record_day, fingerprint_high, fingerprint_low, full_record_id, mark_poll"
               + (withBodies ? ", body" : "") + " FROM " + tables.records();
    }

    /** The row as a record; a mark above the {@code confirmed} number as a mark ({@link JdbcMarks}). */
    private StoredRecord record(String key, ResultSet rows, boolean withBodies, long confirmed)
            throws SQLException, DamagedStateException {
        String full = rows.getString(5);
        String id = full != null ? full : rows.getString(1);
        if (id == null) {
            throw new DamagedStateException("The consumer state under " + describe(key) + " is damaged: a row has no "
                                            + "record_id. Set damagedState=restart to start over.");
        }
        StoredRecord record = new StoredRecord(id, rows.getLong(3), rows.getLong(4), rows.getInt(2),
                withBodies ? rows.getBytes(7) : null);
        Long markPoll = rows.getObject(6, Long.class);
        return markPoll != null && markPoll > confirmed ? record.asMark() : record;
    }

    /**
     * Deletes the removed rows, updates the stored ones, inserts only those the update did not find, and confirms the
     * key's marks, in one transaction.
     */
    @Override
    public void write(String key, Collection<StoredRecord> puts, Collection<String> removes) throws SQLException {
        Long[] confirmed = new Long[1];
        connections.inTransaction(key, connection -> {
            writes.write(connection, key, puts, removes);
            confirmed[0] = marks.confirm(connection, key);
        });
        marks.committed(key, confirmed[0]);
        inserted.addAndGet(puts.size());
    }

    /** Inserts a page's write-ahead marks, with their real state: no lookup, no {@code DELETE} before. */
    @Override
    public void insert(String key, Collection<StoredRecord> records) throws SQLException {
        if (!records.isEmpty()) {
            connections.inTransaction(key, connection -> writes.insert(connection, key, records,
                    marks.next(connection, key)));
            inserted.addAndGet(records.size());
        }
    }

    @Override
    public boolean confirmsMarks() {
        return true;
    }

    @Override
    public void settlePendingMarks(String key) throws SQLException {
        connections.inTransaction(key, connection -> marks.settle(connection, key));
    }

    /** Holds one connection for the poll of {@code key}: its lookups, scan and writes use it. */
    @Override
    public void pollBegins(String key) throws SQLException {
        connections.hold(key);
    }

    @Override
    public void pollEnded(String key) {
        if (inserted.get() >= ANALYZE_AFTER && inserted.getAndSet(0) >= ANALYZE_AFTER) {
            try (JdbcConnections.Lease lease = connections.lease(key)) {
                tables.analyze(lease.connection());
            } catch (SQLException e) {
                tables.analyzeFailed(e);
            }
        }
        connections.release(key);
    }

    @Override
    public long count(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return tables.count(connection, JdbcKeys.column(key));
        }
    }

    /** One row at most, by primary key. */
    @Override
    public boolean holdsAny(String key) throws SQLException {
        try (JdbcConnections.Lease lease = connections.lease(key)) {
            return tables.holdsAny(lease.connection(), JdbcKeys.column(key));
        }
    }

    @Override
    public String getValue(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return tables.value(connection, JdbcKeys.column(key));
        }
    }

    @Override
    public void setValue(String key, String value) throws SQLException {
        connections.inTransaction(null, connection -> tables.putValue(connection, JdbcKeys.column(key), value));
    }

    @Override
    public void startOver(String key) throws SQLException {
        connections.inTransaction(null, connection -> {
            for (String table : new String[] { tables.records(), tables.values() }) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE state_key = ?")) {
                    delete.setString(1, JdbcKeys.column(key));
                    delete.executeUpdate();
                }
            }
            marks.forget(connection, key);
        });
    }

    @Override
    public String describe(String key) {
        return "key '" + key + "' of table " + (tables == null ? JdbcStateTables.RECORDS : tables.records())
               + " (stateDataSource)";
    }

    @Override
    public String toString() {
        return "JdbcSnapshotStore[" + dataSource + "]";
    }
}
