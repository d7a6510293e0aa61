package io.github.camelmapiq.mapiq.consumer.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tables of {@link JdbcSnapshotStore} in the connection's current schema: found there (never in another schema
 * holding a table of the same name), created there when missing in the types of the database at hand, and named in
 * SQL by quoted identifiers, schema included. A table made by an earlier version gains the columns it lacks
 * ({@code full_record_id} for ids of any length, {@code mark_poll} for write-ahead marks).
 *
 * @param records the quoted name of the records table
 * @param values  the quoted name of the values table
 * @param product the database's product name, in lower case
 */
record JdbcStateTables(String records, String values, String product) {

    static final String RECORDS = "mapiq_snapshot_record";
    static final String VALUES = "mapiq_state_value";

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateTables.class);

    boolean isH2() {
        return product.contains("h2");
    }

    boolean isPostgreSql() {
        return product.contains("postgres");
    }

    /** Finds the tables in the connection's schema, creating what is missing. */
    static JdbcStateTables inCurrentSchema(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
        boolean postgres = product.contains("postgres");
        boolean h2 = product.contains("h2");
        String binary = postgres ? "BYTEA" : h2 ? "VARBINARY" : "BLOB";
        String text = postgres ? "TEXT" : h2 ? "CHARACTER LARGE OBJECT" : "CLOB";
        String schema = connection.getSchema();
        String quote = meta.getIdentifierQuoteString().trim();
        String prefix = schema == null || schema.isEmpty() ? "" : quote + schema + quote + ".";
        // named in the case the database gives unquoted names, so that the application's own SQL may leave them so
        boolean upper = meta.storesUpperCaseIdentifiers();
        String recordsName = upper ? RECORDS.toUpperCase(Locale.ROOT) : RECORDS;
        String valuesName = upper ? VALUES.toUpperCase(Locale.ROOT) : VALUES;
        String records = find(connection, schema, RECORDS);
        if (records == null) {
            records = create(connection, schema, recordsName, prefix + quote + recordsName + quote
                    + " (state_key VARCHAR(500) NOT NULL, record_id VARCHAR(500) NOT NULL, "
                    + "record_day INTEGER NOT NULL, fingerprint_high BIGINT NOT NULL, fingerprint_low BIGINT NOT NULL, "
                    + "body " + binary + ", full_record_id " + text + ", mark_poll BIGINT, "
                    + "PRIMARY KEY (state_key, record_id))");
        } else {
            addColumn(connection, schema, prefix + quote + records + quote, records, "full_record_id " + text,
                    "for ids of any length");
            addColumn(connection, schema, prefix + quote + records + quote, records, "mark_poll BIGINT",
                    "for write-ahead marks");
        }
        String values = find(connection, schema, VALUES);
        if (values == null) {
            values = create(connection, schema, valuesName, prefix + quote + valuesName + quote
                    + " (state_key VARCHAR(500) NOT NULL PRIMARY KEY, state_value " + text + ")");
        }
        return new JdbcStateTables(prefix + quote + records + quote, prefix + quote + values + quote, product);
    }

    /** The table's name as the database keeps it (lower or upper case), in {@code schema} only; or {@code null}. */
    private static String find(Connection connection, String schema, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        for (String name : new String[] { table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT) }) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), pattern(schema, escape),
                    pattern(name, escape), new String[] { "TABLE" })) {
                while (tables.next()) {
                    if (name.equals(tables.getString("TABLE_NAME"))
                        && (schema == null || schema.equals(tables.getString("TABLE_SCHEM")))) {
                        return name;
                    }
                }
            }
        }
        return null;
    }

    /** Adds a column a table made by an earlier version lacks. */
    private static void addColumn(Connection connection, String schema, String quoted, String table, String column,
                                  String why) throws SQLException {
        String name = column.substring(0, column.indexOf(' '));
        if (!hasColumn(connection, schema, table, name)) {
            try (Statement alter = connection.createStatement()) {
                alter.execute("ALTER TABLE " + quoted + " ADD COLUMN " + column);
            }
            commit(connection);
            LOG.info("Added column {} to table {} {}", name, table, why);
        }
    }

    /** The value kept under the key column {@code keyColumn}, or {@code null}. */
    String value(Connection connection, String keyColumn) throws SQLException {
        return single(connection, "SELECT state_value FROM " + values + " WHERE state_key = ?", keyColumn);
    }

    /** How many records are kept under the key column {@code keyColumn}. */
    long count(Connection connection, String keyColumn) throws SQLException {
        return Long.parseLong(single(connection, "SELECT COUNT(*) FROM " + records + " WHERE state_key = ?",
                keyColumn));
    }

    /**
     * Refreshes the records table's statistics after many rows were inserted, so that the lookups of the next poll use
     * its primary key: PostgreSQL, until autovacuum gets to a table that grew by a million rows, may read the whole
     * table for each page's lookup. A database user who may not analyze the table leaves it to autovacuum.
     */
    void analyze(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute((isH2() ? "ANALYZE TABLE " : "ANALYZE ") + records);
        }
        commit(connection);
    }

    void analyzeFailed(SQLException e) {
        LOG.warn("Could not refresh the statistics of table {} after many inserts ({}); lookups may be slow until the "
                 + "database analyzes it", records, e.getMessage());
    }

    /** Whether any record is kept under the key column {@code keyColumn}. */
    boolean holdsAny(Connection connection, String keyColumn) throws SQLException {
        return single(connection, "SELECT 1 FROM " + records + " WHERE state_key = ? FETCH FIRST 1 ROWS ONLY",
                keyColumn) != null;
    }

    private static String single(Connection connection, String sql, String keyColumn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, keyColumn);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Replaces the value under {@code keyColumn} (removes it when {@code null}), in the caller's transaction. */
    void putValue(Connection connection, String keyColumn, String value) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM " + values + " WHERE state_key = ?")) {
            delete.setString(1, keyColumn);
            delete.executeUpdate();
        }
        if (value != null) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + values + " (state_key, state_value) VALUES (?, ?)")) {
                insert.setString(1, keyColumn);
                insert.setString(2, value);
                insert.executeUpdate();
            }
        }
    }

    private static boolean hasColumn(Connection connection, String schema, String table, String column)
            throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String escape = meta.getSearchStringEscape();
        try (ResultSet columns = meta.getColumns(connection.getCatalog(), pattern(schema, escape),
                pattern(table, escape), null)) {
            while (columns.next()) {
                if (column.equalsIgnoreCase(columns.getString("COLUMN_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A name as a metadata search pattern, its {@code _} and {@code %} escaped. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static String create(Connection connection, String schema, String table, String definition)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + definition);
            commit(connection);
            LOG.info("Created table {} for the mapiq consumer state", table);
            return table;
        } catch (SQLException e) {
            // another instance may have created it at the same moment
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            String found = find(connection, schema, table);
            if (found == null) {
                throw e;
            }
            return found;
        }
    }

    private static void commit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }
}
