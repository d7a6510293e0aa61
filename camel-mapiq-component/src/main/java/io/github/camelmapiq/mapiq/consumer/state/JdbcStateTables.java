package io.github.camelmapiq.mapiq.consumer.state;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelmapiq.mapiq.consumer.state.JdbcSnapshotStore.RECORDS;
import static io.github.camelmapiq.mapiq.consumer.state.JdbcSnapshotStore.VALUES;

/** Creates the tables of {@link JdbcSnapshotStore} when missing, in the types of the database at hand. */
final class JdbcStateTables {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcStateTables.class);

    private JdbcStateTables() {
    }

    /** Creates what is missing, and returns the database's product name in lower case. */
    static String createIfMissing(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName().toLowerCase(Locale.ROOT);
            String binary = product.contains("postgres") ? "BYTEA" : product.contains("h2") ? "VARBINARY" : "BLOB";
            String text = product.contains("postgres") ? "TEXT"
                    : product.contains("h2") ? "CHARACTER LARGE OBJECT" : "CLOB";
            createIfMissing(connection, RECORDS, "CREATE TABLE " + RECORDS + " (state_key VARCHAR(500) NOT NULL, "
                                                 + "record_id VARCHAR(500) NOT NULL, record_day INTEGER NOT NULL, "
                                                 + "fingerprint_high BIGINT NOT NULL, fingerprint_low BIGINT NOT NULL, "
                                                 + "body " + binary + ", PRIMARY KEY (state_key, record_id))");
            createIfMissing(connection, VALUES, "CREATE TABLE " + VALUES + " (state_key VARCHAR(500) NOT NULL PRIMARY "
                                                + "KEY, state_value " + text + ")");
            return product;
        }
    }

    private static void createIfMissing(Connection connection, String table, String ddl) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] { table, table.toUpperCase(Locale.ROOT) }) {
            try (ResultSet tables = meta.getTables(null, null, name, new String[] { "TABLE" })) {
                if (tables.next()) {
                    return;
                }
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        try (Statement statement = connection.createStatement()) {
            statement.execute(ddl);
            if (!autoCommit) {
                connection.commit();
            }
            LOG.info("Created table {} for the mapiq consumer state", table);
        } catch (SQLException e) {
            // another instance may have created it at the same moment
            if (!autoCommit) {
                connection.rollback();
            }
            try (ResultSet tables = meta.getTables(null, null, table, null);
                 ResultSet upper = meta.getTables(null, null, table.toUpperCase(Locale.ROOT), null)) {
                if (!tables.next() && !upper.next()) {
                    throw e;
                }
            }
        }
    }
}
