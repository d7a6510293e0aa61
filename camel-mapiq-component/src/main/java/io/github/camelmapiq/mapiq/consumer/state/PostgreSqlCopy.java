package io.github.camelmapiq.mapiq.consumer.state;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Rows of a {@link JdbcSnapshotStore} inserted by PostgreSQL's {@code COPY ... FROM STDIN}, which costs the server
 * less a row than any {@code INSERT}: what a first poll's million write-ahead marks go through. It needs the
 * connection of PostgreSQL's own JDBC driver (or one wrapping it, as pools do), whose copy API is reached by
 * reflection, since the driver belongs to the application; {@link #of} answers {@code null} for any other. The rows go
 * in COPY's text format, which the server reads into whatever column types the table was made with.
 */
final class PostgreSqlCopy {

    private static final String CONNECTION = "org.postgresql.PGConnection";
    private static final HexFormat HEX = HexFormat.of();

    private final Object copyManager;
    private final Method copyIn;

    private PostgreSqlCopy(Object copyManager, Method copyIn) {
        this.copyManager = copyManager;
        this.copyIn = copyIn;
    }

    /**
     * PostgreSQL's connection interface as the loader of each connection class sees it ({@code null}: not there), looked
     * up once per class, not once per page.
     */
    private static final ClassValue<Class<?>> DRIVER = new ClassValue<>() {
        @Override
        protected Class<?> computeValue(Class<?> connectionClass) {
            for (ClassLoader loader : new ClassLoader[] {
                    connectionClass.getClassLoader(), Thread.currentThread().getContextClassLoader(),
                    PostgreSqlCopy.class.getClassLoader() }) {
                try {
                    return Class.forName(CONNECTION, false, loader);
                } catch (ClassNotFoundException | LinkageError notThere) {
                    // the next loader may see it
                }
            }
            return null;
        }
    };

    /** The copy API of {@code connection}, or {@code null} when it is not a connection of PostgreSQL's driver. */
    static PostgreSqlCopy of(Connection connection) throws SQLException {
        Class<?> pgConnection = DRIVER.get(connection.getClass());
        if (pgConnection == null || !connection.isWrapperFor(pgConnection)) {
            return null;
        }
        try {
            Object manager = pgConnection.getMethod("getCopyAPI").invoke(connection.unwrap(pgConnection));
            return new PostgreSqlCopy(manager, manager.getClass().getMethod("copyIn", String.class, InputStream.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // a driver without the copy API: the rows go by INSERT
        }
    }

    /** Inserts {@code rows} under {@code keyColumn} into {@code table}, as marks of {@code markPoll} unless null. */
    void insert(String table, String keyColumn, List<StoredRecord> rows, Long markPoll) throws SQLException {
        StringBuilder data = new StringBuilder(rows.size() * 96);
        for (StoredRecord row : rows) {
            text(data, keyColumn).append('\t');
            text(data, JdbcKeys.column(row.id())).append('\t');
            data.append(row.day()).append('\t').append(row.fingerprintHigh()).append('\t')
                    .append(row.fingerprintLow()).append('\t');
            byte[] body = row.packedBody();
            if (body == null) {
                data.append("\\N");
            } else {
                data.append("\\\\x").append(HEX.formatHex(body)); // bytea's hex input, its backslash escaped
            }
            data.append('\t');
            text(data, JdbcKeys.full(row.id())).append('\t');
            data.append(markPoll == null ? "\\N" : markPoll.toString()).append('\n');
        }
        String sql = "COPY " + table + " (state_key, record_id, record_day, fingerprint_high, fingerprint_low, body, "
                     + "full_record_id, mark_poll) FROM STDIN";
        try {
            copyIn.invoke(copyManager, sql, new ByteArrayInputStream(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof SQLException sql1 ? sql1 : new SQLException("COPY into " + table + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** {@code value} in COPY's text format: {@code \N} for null, backslash and control characters escaped. */
    private static StringBuilder text(StringBuilder data, String value) {
        if (value == null) {
            return data.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> data.append("\\\\");
                case '\n' -> data.append("\\n");
                case '\r' -> data.append("\\r");
                case '\t' -> data.append("\\t");
                default -> data.append(c);
            }
        }
        return data;
    }
}
