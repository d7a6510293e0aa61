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
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.camel.support.service.ServiceSupport;

/**
 * A {@link SnapshotStore} in a relational database (option {@code stateDataSource}; tested on PostgreSQL and H2): one
 * row per record, and each write in one transaction. Its two tables, {@code mapiq_snapshot_record} and
 * {@code mapiq_state_value}, are found, or created when missing, in the connection's current schema
 * ({@link JdbcStateTables}, whose DDL the user guide shows).
 * <p>
 * Keys and ids of any length are stored: one over 250 characters by its digest, the id in full in
 * {@code full_record_id} ({@link JdbcKeys}). A write updates the rows it replaces, inserts the new ones and deletes
 * the removed ones, in one transaction ({@link JdbcRecordWrites}); a poll holds one connection. The store {@linkplain #supportsLookup looks records up} by primary key, a few hundred ids a
 * query, so its consumers keep no record in the heap between polls.
 */
public class JdbcSnapshotStore extends ServiceSupport implements SnapshotStore {

    private static final int BATCH = JdbcRecordWrites.BATCH;
    private static final int LOOKUP = 500;

    private final DataSource dataSource;
    /**
     * Whether lookups name each row by its whole key, {@code (state_key, record_id) IN ((?, ?), ...)}: H2 finds those
     * by primary key, while for {@code state_key = ? AND record_id IN (...)} it reads every row of the state key.
     */
    private volatile boolean lookupByRowValue;
    private volatile JdbcStateTables tables;
    private volatile JdbcRecordWrites writes;
    /** The connection each polling key holds from {@link #pollBegins} to {@link #pollEnded}. */
    private final Map<String, Connection> polls = new ConcurrentHashMap<>();

    public JdbcSnapshotStore(DataSource dataSource) {
        this.dataSource = dataSource;
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
    }

    @Override
    protected void doStop() {
        polls.keySet().forEach(this::pollEnded); // the DataSource itself belongs to the application
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
        try (Lease lease = lease(key)) {
            Connection connection = lease.connection();
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // lets PostgreSQL stream the rows instead of reading them all first
            try (PreparedStatement select = connection.prepareStatement(
                    columns(withBodies) + " WHERE state_key = ?")) {
                select.setFetchSize(BATCH);
                select.setString(1, JdbcKeys.column(key));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        loader.put(record(key, rows, withBodies));
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
        try (Lease lease = lease(key)) {
            Connection connection = lease.connection();
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
                            StoredRecord record = record(key, rows, withBodies);
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
        return "SELECT record_id, record_day, fingerprint_high, fingerprint_low, full_record_id"
               + (withBodies ? ", body" : "") + " FROM " + tables.records();
    }

    private StoredRecord record(String key, ResultSet rows, boolean withBodies) throws SQLException, DamagedStateException {
        String full = rows.getString(5);
        String id = full != null ? full : rows.getString(1);
        if (id == null) {
            throw new DamagedStateException("The consumer state under " + describe(key) + " is damaged: a row has no "
                                            + "record_id. Set damagedState=restart to start over.");
        }
        return new StoredRecord(id, rows.getLong(3), rows.getLong(4), rows.getInt(2),
                withBodies ? rows.getBytes(6) : null);
    }

    /** Deletes the removed rows, updates the stored ones, and inserts only those the update did not find. */
    @Override
    public void write(String key, Collection<StoredRecord> puts, Collection<String> removes) throws SQLException {
        if (!puts.isEmpty() || !removes.isEmpty()) {
            inTransaction(key, connection -> writes.write(connection, key, puts, removes));
        }
    }

    /** Inserts rows known to be absent (a page's write-ahead marks): no lookup, no {@code DELETE} before. */
    @Override
    public void insert(String key, Collection<StoredRecord> records) throws SQLException {
        if (!records.isEmpty()) {
            inTransaction(key, connection -> writes.insert(connection, key, records));
        }
    }

    /** Holds one connection for the poll of {@code key}: its lookups, scan and writes use it. */
    @Override
    public void pollBegins(String key) throws SQLException {
        pollEnded(key);
        polls.put(key, dataSource.getConnection());
    }

    @Override
    public void pollEnded(String key) {
        Connection held = polls.remove(key);
        if (held != null) {
            try {
                held.close();
            } catch (SQLException ignored) {
                // given back to the DataSource all the same
            }
        }
    }

    @Override
    public long count(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM " + tables.records() + " WHERE state_key = ?")) {
            select.setString(1, JdbcKeys.column(key));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    @Override
    public String getValue(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT state_value FROM " + tables.values() + " WHERE state_key = ?")) {
            select.setString(1, JdbcKeys.column(key));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    @Override
    public void setValue(String key, String value) throws SQLException {
        inTransaction(null, connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + tables.values() + " WHERE state_key = ?")) {
                delete.setString(1, JdbcKeys.column(key));
                delete.executeUpdate();
            }
            if (value != null) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + tables.values() + " (state_key, state_value) VALUES (?, ?)")) {
                    insert.setString(1, JdbcKeys.column(key));
                    insert.setString(2, value);
                    insert.executeUpdate();
                }
            }
        });
    }

    @Override
    public void startOver(String key) throws SQLException {
        inTransaction(null, connection -> {
            for (String table : new String[] { tables.records(), tables.values() }) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM " + table + " WHERE state_key = ?")) {
                    delete.setString(1, JdbcKeys.column(key));
                    delete.executeUpdate();
                }
            }
        });
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** The connection the poll of {@code key} holds, or a new one, closed with the lease. */
    private Lease lease(String key) throws SQLException {
        Connection held = key == null ? null : polls.get(key);
        return held != null ? new Lease(held, false) : new Lease(dataSource.getConnection(), true);
    }

    private record Lease(Connection connection, boolean owned) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            if (owned) {
                connection.close();
            }
        }
    }

    private void inTransaction(String key, Work work) throws SQLException {
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
