package io.github.camelmapiq.mapiq.consumer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.github.camelmapiq.mapiq.consumer.SnapshotChangeTracker.Known;

/**
 * Writes a snapshot state as lines of ASCII, as {@code FileStateRepository} needs: base64 of a binary list of records
 * {@code (id, epochDay, 128-bit fingerprint, packed body)}, the bodies as they are kept in memory (already
 * {@linkplain PackedJson packed}), so storing and loading only copy bytes.
 * <p>
 * The state is two values: a <em>base</em> ({@value #FORMAT}) holding every record, and the <em>changes</em> since
 * that base ({@value #CHANGES_FORMAT}: records put or removed), so that a poll that changed a few records of a million
 * stores a few records, not the million. Both carry the base's generation; changes written for another generation
 * (the base was rewritten but the process stopped before the changes were cleared) are ignored.
 */
final class SnapshotStateCodec {

    static final String FORMAT = "mapiq-snapshot-v3";
    static final String CHANGES_FORMAT = "mapiq-snapshot-v3-changes";

    /** Bytes per record besides the id and body: day, fingerprint, body length. */
    private static final int FIXED_BYTES = Integer.BYTES + 2 * Long.BYTES + Integer.BYTES;
    private static final int PUT = 1;
    private static final int REMOVED = 0;

    private SnapshotStateCodec() {
    }

    /** The base payload: {@code generation:base64}. */
    static String encodeBase(long generation, Map<String, Known> records) throws IOException {
        return encode(generation, records, false);
    }

    /**
     * The changes payload: every record put since the base, or removed ({@link SnapshotChangeTracker#REMOVED}).
     */
    static String encodeChanges(long generation, Map<String, Known> changes) throws IOException {
        return encode(generation, changes, true);
    }

    private static String encode(long generation, Map<String, Known> records, boolean changes) throws IOException {
        long binary = Integer.BYTES;
        for (Map.Entry<String, Known> entry : records.entrySet()) {
            Known record = entry.getValue();
            binary += 2 + entry.getKey().length() + (changes ? 1 : 0)
                      + (record == SnapshotChangeTracker.REMOVED ? 0 : FIXED_BYTES + record.packedBody.length);
        }
        String prefix = generation + ":";
        long base64 = prefix.length() + (binary + 2) / 3 * 4;
        if (base64 > Integer.MAX_VALUE - 16) {
            throw new IOException("The consumer state of " + records.size() + " records is too large for one "
                                  + "stateRepository value (" + base64 + " characters): narrow what one consumer "
                                  + "tracks with filters or a shorter window");
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream((int) base64);
        text.write(prefix.getBytes(StandardCharsets.US_ASCII));
        try (DataOutputStream out = new DataOutputStream(Base64.getEncoder().wrap(text))) {
            out.writeInt(records.size());
            for (Map.Entry<String, Known> entry : records.entrySet()) {
                Known record = entry.getValue();
                out.writeUTF(entry.getKey());
                if (changes) {
                    out.writeByte(record == SnapshotChangeTracker.REMOVED ? REMOVED : PUT);
                    if (record == SnapshotChangeTracker.REMOVED) {
                        continue;
                    }
                }
                writeRecord(record, out);
            }
        }
        return text.toString(StandardCharsets.US_ASCII);
    }

    private static void writeRecord(Known record, DataOutputStream out) throws IOException {
        out.writeInt(record.day);
        out.writeLong(record.fingerprintHigh);
        out.writeLong(record.fingerprintLow);
        out.writeInt(record.packedBody.length);
        out.write(record.packedBody);
    }

    private static Known readRecord(DataInputStream in) throws IOException {
        int day = in.readInt();
        long high = in.readLong();
        long low = in.readLong();
        byte[] body = new byte[in.readInt()];
        in.readFully(body);
        return new Known(high, low, day, body);
    }

    /**
     * Reads a base payload into {@code into}.
     *
     * @return its generation
     */
    static long decodeBase(String payload, Map<String, Known> into) throws IOException {
        int colon = payload.indexOf(':');
        long generation = parseGeneration(payload, colon);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(base64(payload.substring(colon + 1))))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                into.put(in.readUTF(), readRecord(in));
            }
        } catch (EOFException | NegativeArraySizeException e) {
            throw corrupt(e);
        }
        return generation;
    }

    /**
     * Applies a changes payload to {@code records} if it was written for the base of {@code generation}.
     *
     * @return whether it was applied
     */
    static boolean applyChanges(String payload, long generation, Map<String, Known> records,
                         Map<String, Known> changes) throws IOException {
        int colon = payload.indexOf(':');
        if (parseGeneration(payload, colon) != generation) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(base64(payload.substring(colon + 1))))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                if (in.readByte() == REMOVED) {
                    records.remove(id);
                    changes.put(id, SnapshotChangeTracker.REMOVED);
                } else {
                    Known record = readRecord(in);
                    records.put(id, record);
                    changes.put(id, record);
                }
            }
        } catch (EOFException | NegativeArraySizeException e) {
            throw corrupt(e);
        }
        return true;
    }

    private static long parseGeneration(String payload, int colon) {
        try {
            return Long.parseLong(payload.substring(0, Math.max(colon, 0)));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("The stored consumer state is corrupt: it does not start with its "
                                            + "generation");
        }
    }

    private static byte[] base64(String payload) {
        try {
            return Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored consumer state is not valid base64: " + e.getMessage(), e);
        }
    }

    private static IllegalStateException corrupt(Exception e) {
        return new IllegalStateException("The stored consumer state is truncated or corrupt", e);
    }
}
