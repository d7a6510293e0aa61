package io.github.camelmapiq.mapiq.consumer.state;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.BATCH;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.CLEAR;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.FRAME_HEADER;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.MAGIC;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.MAGIC_V1;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.MAX_RECORD;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.VALUE;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.readEntry;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.readText;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.readValue;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.writeEntry;

/**
 * Reads a {@link FileSnapshotStore} file from its start, checking every record's length and checksum. A record cut short
 * at the end (a write that did not finish) ends the read without damage; anything else that does not read back is a
 * {@link DamagedStateException} naming the file and the byte.
 */
final class StateFileReader {

    /**
     * What a read of the file found: where its last whole record ends, any damage, and whether the file is of the first
     * format (to be rewritten in the current one).
     */
    record Scan(long validEnd, DamagedStateException damage, boolean firstFormat) {
        Scan(long validEnd, DamagedStateException damage) {
            this(validEnd, damage, false);
        }
    }

    @FunctionalInterface
    private interface RecordReader {
        void read(int op, String key, DataInputStream in, boolean firstFormat) throws IOException;
    }

    private final Path file;

    StateFileReader(Path file) {
        this.file = file;
    }

    /** Checks the first {@code size} bytes of the file. */
    Scan check(long size) throws IOException {
        return scan(size, null, null, null);
    }

    /**
     * Reads the first {@code size} bytes of the file: the records of {@code key} go to {@code loader} (if any) and its
     * value into {@code value[0]} (if any).
     */
    Scan scan(long size, String key, SnapshotStore.Loader loader, String[] value) throws IOException {
        return read(size, (op, recordKey, in, v1) -> {
            if (key == null || !key.equals(recordKey)) {
                return;
            }
            switch (op) {
                case BATCH -> {
                    int removes = in.readInt();
                    for (int i = 0; i < removes; i++) {
                        String id = readText(in, v1);
                        if (loader != null) {
                            loader.remove(id);
                        }
                    }
                    int puts = in.readInt();
                    if (loader != null) {
                        for (int i = 0; i < puts; i++) {
                            loader.put(readEntry(readText(in, v1), in));
                        }
                    }
                }
                case VALUE -> {
                    if (value != null) {
                        value[0] = readValue(in);
                    }
                }
                case CLEAR -> {
                    if (loader != null) {
                        loader.clear();
                    }
                    if (value != null) {
                        value[0] = null;
                    }
                }
                default -> throw new IOException("unknown operation " + op);
            }
        });
    }

    /** Reads what every key stores now: its records (id to encoded entry) and its value. */
    Scan scanAll(long size, Map<String, Map<String, byte[]>> records, Map<String, String> values) throws IOException {
        return read(size, (op, key, in, v1) -> {
            switch (op) {
                case BATCH -> {
                    Map<String, byte[]> stored = records.computeIfAbsent(key, k -> new LinkedHashMap<>());
                    int removes = in.readInt();
                    for (int i = 0; i < removes; i++) {
                        stored.remove(readText(in, v1));
                    }
                    int puts = in.readInt();
                    for (int i = 0; i < puts; i++) {
                        String id = readText(in, v1);
                        ByteArrayOutputStream entry = new ByteArrayOutputStream(32);
                        writeEntry(readEntry(id, in), new DataOutputStream(entry));
                        stored.put(id, entry.toByteArray());
                    }
                }
                case VALUE -> {
                    String text = readValue(in);
                    if (text == null) {
                        values.remove(key);
                    } else {
                        values.put(key, text);
                    }
                }
                case CLEAR -> {
                    records.remove(key);
                    values.remove(key);
                }
                default -> throw new IOException("unknown operation " + op);
            }
        });
    }

    private Scan read(long size, RecordReader reader) throws IOException {
        try (InputStream raw = new BufferedInputStream(Channels.newInputStream(
                FileChannel.open(file, StandardOpenOption.READ)), 1 << 16)) {
            DataInputStream in = new DataInputStream(raw);
            byte[] magic = new byte[MAGIC.length];
            int got = in.readNBytes(magic, 0, magic.length);
            boolean v1 = got == magic.length && Arrays.equals(magic, MAGIC_V1);
            if (got < magic.length || !v1 && !Arrays.equals(magic, MAGIC)) {
                return new Scan(0, damaged("it does not start with the header of a mapiq state file", 0, null));
            }
            long at = MAGIC.length;
            CRC32 crc = new CRC32();
            while (at < size) {
                if (size - at < FRAME_HEADER) {
                    return new Scan(at, null, v1); // a frame header cut short
                }
                int length = in.readInt();
                int expected = in.readInt();
                if (length < 0 || length > MAX_RECORD) {
                    return new Scan(at, damaged("a record has an impossible length " + length, at, null));
                }
                if (size - at - FRAME_HEADER < length) {
                    return new Scan(at, null, v1); // a record cut short: the last write did not finish
                }
                byte[] payload = new byte[length];
                in.readFully(payload);
                crc.reset();
                crc.update(payload);
                if ((int) crc.getValue() != expected) {
                    return new Scan(at, damaged("a record's checksum does not match", at, null));
                }
                try {
                    DataInputStream record = new DataInputStream(new ByteArrayInputStream(payload));
                    int op = record.readByte();
                    String key = readText(record, v1);
                    reader.read(op, key, record, v1);
                } catch (EOFException | IllegalArgumentException | NegativeArraySizeException e) {
                    return new Scan(at, damaged("a record does not decode", at, e));
                }
                at += FRAME_HEADER + length;
            }
            return new Scan(at, null, v1);
        }
    }

    private DamagedStateException damaged(String what, long at, Throwable cause) {
        return new DamagedStateException("The consumer state in stateFile " + file + " is damaged at byte " + at + ": "
                                         + what + ". Set damagedState=restart to set the file aside and start over, "
                                         + "or restore the file from a backup.", cause);
    }
}
