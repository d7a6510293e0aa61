package io.github.camelmapiq.mapiq.consumer.state;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.zip.CRC32;

/**
 * The bytes of a {@link FileSnapshotStore} file: the 8 bytes {@code MAPIQST2}, then records of
 * {@code length (int), CRC-32 (int), payload}. A payload is an operation byte and the state key, then for a batch the
 * removed ids and the stored records, for a value its UTF-8 text, for a clear nothing. Keys and ids are written as
 * their UTF-8 length (int) and bytes, so that they may have any length. A file of the first format ({@code MAPIQST1},
 * keys and ids as {@link DataOutputStream#writeUTF}, at most 64 KB) is read and rewritten in this one at start.
 */
final class StateFileFormat {

    static final byte[] MAGIC = "MAPIQST2".getBytes(StandardCharsets.US_ASCII);
    static final byte[] MAGIC_V1 = "MAPIQST1".getBytes(StandardCharsets.US_ASCII);
    static final int BATCH = 1;
    static final int VALUE = 2;
    static final int CLEAR = 3;
    static final int MAX_RECORD = Integer.MAX_VALUE - 16;
    /** The bytes before a payload: its length and its checksum. */
    static final int FRAME_HEADER = 8;

    private StateFileFormat() {
    }

    /** The bytes of one record being written, read in place rather than copied. */
    static final class Payload extends ByteArrayOutputStream {
        Payload(int size) {
            super(size);
        }

        Payload(byte[] bytes) {
            super(0);
            buf = bytes;
            count = bytes.length;
        }

        ByteBuffer buffer() {
            return ByteBuffer.wrap(buf, 0, count);
        }

        ByteBuffer header() {
            CRC32 crc = new CRC32();
            crc.update(buf, 0, count);
            ByteBuffer header = ByteBuffer.allocate(FRAME_HEADER);
            header.putInt(count).putInt((int) crc.getValue()).flip();
            return header;
        }
    }

    /** A batch: the ids removed, then the records put, under {@code key}. */
    static Payload batchPayload(String key, Collection<StoredRecord> puts, Collection<String> removes)
            throws IOException {
        Payload bytes = new Payload(64 + puts.size() * 48 + removes.size() * 40);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(BATCH);
        writeText(key, out);
        out.writeInt(removes.size());
        for (String id : removes) {
            writeText(id, out);
        }
        out.writeInt(puts.size());
        for (StoredRecord record : puts) {
            writeText(record.id(), out);
            writeEntry(record, out);
        }
        out.flush();
        return bytes;
    }

    static byte[] valuePayload(String key, String value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(VALUE);
        writeText(key, out);
        if (value == null) {
            out.writeInt(-1);
        } else {
            byte[] text = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(text.length);
            out.write(text);
        }
        return bytes.toByteArray();
    }

    static byte[] clearPayload(String key) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(CLEAR);
        writeText(key, out);
        return bytes.toByteArray();
    }

    /** A key or an id of any length: its UTF-8 length, then its UTF-8 bytes. */
    static void writeText(String text, DataOutputStream out) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Reads what {@link #writeText} wrote, or in a file of the first format what {@code writeUTF} wrote. */
    static String readText(DataInputStream in, boolean firstFormat) throws IOException {
        if (firstFormat) {
            return in.readUTF();
        }
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IllegalArgumentException("a key or id of impossible length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** A payload with its length and checksum in front, as written to the file. */
    static ByteBuffer frame(byte[] payload) {
        Payload framed = new Payload(payload);
        ByteBuffer header = framed.header();
        ByteBuffer frame = ByteBuffer.allocate(FRAME_HEADER + payload.length);
        frame.put(header).put(payload).flip();
        return frame;
    }

    static void writeEntry(StoredRecord record, DataOutputStream out) throws IOException {
        StoredRecordFormat.write(record.day(), record.fingerprintHigh(), record.fingerprintLow(), record.packedBody(),
                out);
    }

    static StoredRecord readEntry(String id, DataInputStream in) throws IOException {
        return StoredRecordFormat.read(id, in);
    }

    static String readValue(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }
}
