package io.github.camelmapiq.mapiq.consumer.state;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32;

import org.apache.camel.support.service.ServiceSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link SnapshotStore} in one local file (option {@code stateFile}): an append-only log of checksummed records, one
 * per write, each followed by an fsync; compacted now and then into a new file that replaces the old one atomically
 * (temporary file, fsync, rename, fsync of the folder).
 * <p>
 * A kill at any byte leaves a readable file: a record cut short at the end (a stop during a write) is dropped with a
 * WARN at the next start, so the changes of that one write are delivered again; anything else that does not read back
 * (a checksum mismatch, a wrong header) is a {@link DamagedStateException} naming the file and the byte. A lock file
 * ({@code <stateFile>.lock}) keeps a second process or CamelContext from writing the same file.
 * <p>
 * Format: the 8 bytes {@code MAPIQST1}, then records of {@code length (int), CRC-32 (int), payload}. A payload is an
 * operation byte and the state key, then for a batch the removed ids and the stored records, for a value its UTF-8
 * text, for a clear nothing.
 */
public class FileSnapshotStore extends ServiceSupport implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSnapshotStore.class);

    private static final byte[] MAGIC = "MAPIQST1".getBytes(StandardCharsets.US_ASCII);
    private static final int BATCH = 1;
    private static final int VALUE = 2;
    private static final int CLEAR = 3;
    private static final int MAX_RECORD = Integer.MAX_VALUE - 16;
    private static final int COMPACTED_BATCH = 10_000;
    private static final long MIN_LOG_BEFORE_COMPACTION = 1 << 20;

    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private FileChannel lockChannel;
    private FileLock processLock;
    private FileChannel channel;
    private long end;
    private long compactedSize;
    private DamagedStateException damage;

    public FileSnapshotStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path getFile() {
        return file;
    }

    @Override
    protected void doStart() throws Exception {
        lock.lock();
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            lockChannel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                processLock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                processLock = null;
            }
            if (processLock == null) {
                lockChannel.close();
                throw new IllegalStateException("stateFile " + file + " is in use by another process or CamelContext: "
                                                + "each needs a stateFile of its own");
            }
            if (!Files.exists(file) || Files.size(file) == 0) {
                replaceWith(List.of()); // a new file, or an empty one made ready for it
            }
            open();
        } finally {
            lock.unlock();
        }
    }

    /** Opens the file for appending and checks every record; a write cut short at the end is dropped. */
    private void open() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        damage = null;
        Scan scan = scan(null, null);
        long size = channel.size();
        if (scan.damage != null) {
            damage = scan.damage;
            end = size;
        } else {
            end = scan.validEnd;
            if (end < size) {
                LOG.warn("stateFile {} ended in a write cut short (the process stopped while storing): its last {} "
                         + "byte(s) were dropped, so the changes of that one poll will be delivered again",
                        file, size - end);
                channel.truncate(end);
                channel.force(true);
            }
        }
        compactedSize = end;
    }

    @Override
    protected void doStop() throws Exception {
        lock.lock();
        try {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            if (processLock != null) {
                processLock.release();
                processLock = null;
            }
            if (lockChannel != null) {
                lockChannel.close();
                lockChannel = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void load(String key, Loader loader) throws IOException {
        lock.lock();
        try {
            checkReadable();
            Scan scan = scan(key, loader);
            if (scan.damage != null) {
                throw scan.damage;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String getValue(String key) throws IOException {
        String[] value = new String[1];
        lock.lock();
        try {
            checkReadable();
            Scan scan = scan(key, null, value);
            if (scan.damage != null) {
                throw scan.damage;
            }
        } finally {
            lock.unlock();
        }
        return value[0];
    }

    @Override
    public void write(String key, Collection<StoredRecord> puts, Collection<String> removes) throws IOException {
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
            writeRecord(record, out);
        }
        out.flush();
        append(bytes);
    }

    /** The bytes of one record being written, read in place rather than copied. */
    private static final class Payload extends ByteArrayOutputStream {
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
            ByteBuffer header = ByteBuffer.allocate(8);
            header.putInt(count).putInt((int) crc.getValue()).flip();
            return header;
        }
    }

    @Override
    public void setValue(String key, String value) throws IOException {
        append(new Payload(valuePayload(key, value)));
    }

    @Override
    public void startOver(String key) throws IOException {
        lock.lock();
        try {
            if (damage != null) {
                Path aside = file.resolveSibling(file.getFileName() + ".damaged");
                channel.close();
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                LOG.warn("stateFile {} was set aside as {}: every consumer storing in it starts over", file, aside);
                replaceWith(List.of());
                open();
            } else {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(CLEAR);
                out.writeUTF(key);
                append(new Payload(bytes.toByteArray()));
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String describe(String key) {
        return "key '" + key + "' of stateFile " + file;
    }

    @Override
    public String toString() {
        return "FileSnapshotStore[" + file + "]";
    }

    private void checkReadable() {
        if (channel == null) {
            throw new IllegalStateException("FileSnapshotStore of " + file + " is not started");
        }
        if (damage != null) {
            throw damage;
        }
    }

    private void append(Payload payload) throws IOException {
        lock.lock();
        try {
            checkReadable();
            long at = end;
            for (ByteBuffer part : new ByteBuffer[] { payload.header(), payload.buffer() }) {
                while (part.hasRemaining()) {
                    at += channel.write(part, at);
                }
            }
            channel.force(false);
            end = at;
            if (end - compactedSize > Math.max(MIN_LOG_BEFORE_COMPACTION, compactedSize)) {
                compact();
            }
        } finally {
            lock.unlock();
        }
    }

    private static ByteBuffer frame(byte[] payload) {
        Payload framed = new Payload(payload);
        ByteBuffer header = framed.header();
        ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
        frame.put(header).put(payload).flip();
        return frame;
    }

    /** Rewrites the file with only what is stored now, replacing it atomically. */
    private void compact() throws IOException {
        Map<String, Map<String, byte[]>> records = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        Scan scan = scanAll(records, values);
        if (scan.damage != null) {
            throw scan.damage;
        }
        List<byte[]> payloads = new java.util.ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            payloads.add(valuePayload(value.getKey(), value.getValue()));
        }
        for (Map.Entry<String, Map<String, byte[]>> key : records.entrySet()) {
            Object[] entries = key.getValue().entrySet().toArray();
            for (int from = 0; from < entries.length; from += COMPACTED_BATCH) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(BATCH);
                out.writeUTF(key.getKey());
                out.writeInt(0);
                int to = Math.min(entries.length, from + COMPACTED_BATCH);
                out.writeInt(to - from);
                for (int i = from; i < to; i++) {
                    @SuppressWarnings("unchecked")
                    Map.Entry<String, byte[]> entry = (Map.Entry<String, byte[]>) entries[i];
                    out.writeUTF(entry.getKey());
                    out.write(entry.getValue());
                }
                payloads.add(bytes.toByteArray());
            }
        }
        channel.close();
        replaceWith(payloads);
        open();
        LOG.debug("stateFile {} compacted to {} bytes", file, end);
    }

    /** Writes a new file beside the old one, forces it to disk, and renames it over the old one. */
    private void replaceWith(List<byte[]> payloads) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, ByteBuffer.wrap(MAGIC));
            for (byte[] payload : payloads) {
                writeFully(out, frame(payload));
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder();
    }

    private static void writeFully(FileChannel out, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private void forceFolder() {
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot fsync the folder of {} on this platform: {}", file, e.getMessage());
        }
    }

    private static byte[] valuePayload(String key, String value) throws IOException {
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

    private static void writeRecord(StoredRecord record, DataOutputStream out) throws IOException {
        out.writeUTF(record.id());
        writeEntry(record, out);
    }

    private static void writeEntry(StoredRecord record, DataOutputStream out) throws IOException {
        StoredRecordFormat.write(record.day(), record.fingerprintHigh(), record.fingerprintLow(), record.packedBody(),
                out);
    }

    private static StoredRecord readEntry(String id, DataInputStream in) throws IOException {
        return StoredRecordFormat.read(id, in);
    }

    /** What a read of the file found: where its last whole record ends, and any damage. */
    private record Scan(long validEnd, DamagedStateException damage) {
    }

    private Scan scan(String key, Loader loader) throws IOException {
        return scan(key, loader, null);
    }

    /**
     * Reads the file: the records of {@code key} go to {@code loader} and its value into {@code value[0]}; with no key,
     * only checks the file.
     */
    private Scan scan(String key, Loader loader, String[] value) throws IOException {
        return read((op, recordKey, in) -> {
            if (key == null || !key.equals(recordKey)) {
                return;
            }
            switch (op) {
                case BATCH -> {
                    int removes = in.readInt();
                    for (int i = 0; i < removes; i++) {
                        String id = in.readUTF();
                        if (loader != null) {
                            loader.remove(id);
                        }
                    }
                    int puts = in.readInt();
                    if (loader != null) {
                        for (int i = 0; i < puts; i++) {
                            loader.put(readEntry(in.readUTF(), in));
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

    private Scan scanAll(Map<String, Map<String, byte[]>> records, Map<String, String> values) throws IOException {
        return read((op, key, in) -> {
            switch (op) {
                case BATCH -> {
                    Map<String, byte[]> stored = records.computeIfAbsent(key, k -> new LinkedHashMap<>());
                    int removes = in.readInt();
                    for (int i = 0; i < removes; i++) {
                        stored.remove(in.readUTF());
                    }
                    int puts = in.readInt();
                    for (int i = 0; i < puts; i++) {
                        String id = in.readUTF();
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

    private static String readValue(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            return null;
        }
        byte[] text = new byte[length];
        in.readFully(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface RecordReader {
        void read(int op, String key, DataInputStream in) throws IOException;
    }

    private Scan read(RecordReader reader) throws IOException {
        long size = channel.size();
        try (InputStream raw = new BufferedInputStream(Channels.newInputStream(
                FileChannel.open(file, StandardOpenOption.READ)), 1 << 16)) {
            DataInputStream in = new DataInputStream(raw);
            byte[] magic = new byte[MAGIC.length];
            int got = in.readNBytes(magic, 0, magic.length);
            if (got < magic.length || !Arrays.equals(magic, MAGIC)) {
                return new Scan(0, damaged("it does not start with the header of a mapiq state file", 0, null));
            }
            long at = MAGIC.length;
            CRC32 crc = new CRC32();
            while (at < size) {
                if (size - at < 8) {
                    return new Scan(at, null); // a frame header cut short
                }
                int length = in.readInt();
                int expected = in.readInt();
                if (length < 0 || length > MAX_RECORD) {
                    return new Scan(at, damaged("a record has an impossible length " + length, at, null));
                }
                if (size - at - 8 < length) {
                    return new Scan(at, null); // a record cut short: the last write did not finish
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
                    String key = record.readUTF();
                    reader.read(op, key, record);
                } catch (EOFException | IllegalArgumentException | NegativeArraySizeException e) {
                    return new Scan(at, damaged("a record does not decode", at, e));
                }
                at += 8 + length;
            }
            return new Scan(at, null);
        }
    }

    private DamagedStateException damaged(String what, long at, Throwable cause) {
        return new DamagedStateException("The consumer state in stateFile " + file + " is damaged at byte " + at + ": "
                                         + what + ". Set damagedState=restart to set the file aside and start over, "
                                         + "or restore the file from a backup.", cause);
    }
}
