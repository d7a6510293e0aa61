package io.github.camelmapiq.mapiq.consumer.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;


/**
 * Writes a snapshot state as one line of ASCII, as {@code FileStateRepository} needs: base64 of a binary list of
 * records {@code (id, epochDay, 128-bit fingerprint, packed body or none)}; a UUID id takes 16 bytes, any other id its
 * UTF-8 text.
 * <p>
 * The state is two values: a <em>base</em> ({@value #FORMAT}) holding every record, and the <em>changes</em> since
 * that base ({@value #CHANGES_FORMAT}: records put or removed), so that a poll that changed a few records of a million
 * stores a few records, not the million. Both carry the base's generation; changes written for another generation
 * (the base was rewritten but the process stopped before the changes were cleared) are ignored.
 */
final class RepositorySnapshotCodec {

    static final String FORMAT = "mapiq-snapshot-v4";
    static final String CHANGES_FORMAT = "mapiq-snapshot-v4-changes";

    private static final int UUID_ID = 1;
    private static final int TEXT_ID = 2;
    private static final int REMOVED = 0;
    private static final int PUT = 1;

    private RepositorySnapshotCodec() {
    }

    /** The base payload, {@code generation:base64}, of every stored record of {@code index}. */
    static String encodeBase(long generation, SnapshotIndex index) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(Math.max(64, index.size() * 56));
        text.write((generation + ":").getBytes(StandardCharsets.US_ASCII));
        int count = 0;
        for (int slot = index.nextStored(-1); slot >= 0; slot = index.nextStored(slot)) {
            count++;
        }
        try (DataOutputStream out = new DataOutputStream(Base64.getEncoder().wrap(text))) {
            out.writeInt(count);
            for (int slot = index.nextStored(-1); slot >= 0; slot = index.nextStored(slot)) {
                writeId(index.id(slot), out);
                writeEntry(index.entry(slot), out);
            }
        }
        return text.toString(StandardCharsets.US_ASCII);
    }

    /** The changes payload: every record put since the base, or removed ({@link SnapshotIndex#REMOVED}). */
    static String encodeChanges(long generation, Map<String, SnapshotIndex.Entry> changes) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream(64 + changes.size() * 64);
        text.write((generation + ":").getBytes(StandardCharsets.US_ASCII));
        try (DataOutputStream out = new DataOutputStream(Base64.getEncoder().wrap(text))) {
            out.writeInt(changes.size());
            for (Map.Entry<String, SnapshotIndex.Entry> change : changes.entrySet()) {
                writeId(change.getKey(), out);
                boolean removed = change.getValue() == SnapshotIndex.REMOVED;
                out.writeByte(removed ? REMOVED : PUT);
                if (!removed) {
                    writeEntry(change.getValue(), out);
                }
            }
        }
        return text.toString(StandardCharsets.US_ASCII);
    }

    private static void writeId(String id, DataOutputStream out) throws IOException {
        long[] uuid = UuidIds.bits(id);
        if (uuid != null) {
            out.writeByte(UUID_ID);
            out.writeLong(uuid[0]);
            out.writeLong(uuid[1]);
        } else {
            out.writeByte(TEXT_ID);
            out.writeUTF(id);
        }
    }

    private static String readId(DataInputStream in) throws IOException {
        int kind = in.readByte();
        if (kind == UUID_ID) {
            return UuidIds.text(in.readLong(), in.readLong());
        }
        if (kind == TEXT_ID) {
            return in.readUTF();
        }
        throw new EOFException("unknown id kind " + kind);
    }

    private static void writeEntry(SnapshotIndex.Entry entry, DataOutputStream out) throws IOException {
        StoredRecordFormat.write(entry.day(), entry.fingerprintHigh(), entry.fingerprintLow(), entry.packedBody(), out);
    }

    private static SnapshotIndex.Entry readEntry(DataInputStream in, boolean keepBodies) throws IOException {
        StoredRecord record = StoredRecordFormat.read(null, in);
        return new SnapshotIndex.Entry(record.fingerprintHigh(), record.fingerprintLow(), record.day(),
                keepBodies ? record.packedBody() : null);
    }

    /**
     * Reads a base payload into {@code into}.
     *
     * @return its generation
     */
    static long decodeBase(String payload, SnapshotIndex into) throws IOException {
        int colon = payload.indexOf(':');
        long generation = parseGeneration(payload, colon);
        try (DataInputStream in = new DataInputStream(Base64.getDecoder().wrap(
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.US_ASCII), colon + 1,
                        payload.length() - colon - 1)))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                into.put(readId(in), readEntry(in, into.keepsBodies()));
            }
        } catch (EOFException | NegativeArraySizeException | IllegalArgumentException e) {
            throw corrupt(e);
        }
        return generation;
    }

    /**
     * Applies a changes payload to {@code records} if it was written for the base of {@code generation}.
     *
     * @return whether it was applied
     */
    static boolean applyChanges(String payload, long generation, SnapshotIndex records,
                                Map<String, SnapshotIndex.Entry> changes) throws IOException {
        int colon = payload.indexOf(':');
        if (parseGeneration(payload, colon) != generation) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(Base64.getDecoder().wrap(
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.US_ASCII), colon + 1,
                        payload.length() - colon - 1)))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String id = readId(in);
                if (in.readByte() == REMOVED) {
                    records.remove(id);
                    changes.put(id, SnapshotIndex.REMOVED);
                } else {
                    SnapshotIndex.Entry record = readEntry(in, records.keepsBodies());
                    records.put(id, record);
                    changes.put(id, record);
                }
            }
        } catch (EOFException | NegativeArraySizeException | IllegalArgumentException e) {
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

    private static IllegalStateException corrupt(Exception e) {
        return new IllegalStateException("The stored consumer state is truncated or corrupt", e);
    }
}
