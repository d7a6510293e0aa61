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
 * The bytes of a {@link FileSnapshotStore} file: the 8 bytes {@code MAPIQST1}, then records of
 * {@code length (int), CRC-32 (int), payload}. A payload is an operation byte and the state key, then for a batch the
 * removed ids and the stored records, for a value its UTF-8 text, for a clear nothing.
 */
final class StateFileFormat {

    static final byte[] MAGIC = "MAPIQST1".getBytes(StandardCharsets.US_ASCII);
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
        out.writeUTF(key);
        out.writeInt(removes.size());
        for (String id : removes) {
            out.writeUTF(id);
        }
        out.writeInt(puts.size());
        for (StoredRecord record : puts) {
            out.writeUTF(record.id());
            writeEntry(record, out);
        }
        out.flush();
        return bytes;
    }

    static byte[] valuePayload(String key, String value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(VALUE);
        out.writeUTF(key);
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
        out.writeUTF(key);
        return bytes.toByteArray();
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
