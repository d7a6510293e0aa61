package io.github.camelmapiq.mapiq.consumer.state;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How {@link JdbcSnapshotStore} keeps keys and ids of any length in its {@code VARCHAR(500)} key columns: a value of up
 * to 250 characters as it is, a longer one as its SHA-256 digest ({@code sha256:} and 64 hex digits), the id in full
 * beside it in column {@code full_record_id}. A value that itself starts with {@code sha256:} is digested too, so that
 * no id can pass for another's digest.
 */
final class JdbcKeys {

    static final int LONGEST_PLAIN = 250;
    private static final String DIGEST = "sha256:";

    private JdbcKeys() {
    }

    /** What the key column holds for {@code value}. */
    static String column(String value) {
        if (value.length() <= LONGEST_PLAIN && !value.startsWith(DIGEST)) {
            return value;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return DIGEST + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The id to keep in full beside its digest, or {@code null} when the key column holds it as it is. */
    static String full(String id) {
        return column(id).equals(id) ? null : id;
    }
}
