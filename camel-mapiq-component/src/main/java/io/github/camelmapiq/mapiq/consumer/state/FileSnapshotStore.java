package io.github.camelmapiq.mapiq.consumer.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.Payload;
import io.github.camelmapiq.mapiq.consumer.state.StateFileReader.Scan;
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
 * The concerns live beside it: the bytes in {@link StateFileFormat}, reading and checking in {@link StateFileReader},
 * atomic replacement and compaction in {@link StateFileRewriter}, the lock file in {@link StateFileLock}.
 */
public class FileSnapshotStore extends ServiceSupport implements SnapshotStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSnapshotStore.class);

    private static final long MIN_LOG_BEFORE_COMPACTION = 1 << 20;

    private final Path file;
    private final StateFileReader reader;
    private final StateFileRewriter rewriter;
    private final StateFileLock fileLock;
    private final ReentrantLock lock = new ReentrantLock();
    private FileChannel channel;
    private long end;
    private long compactedSize;
    private DamagedStateException damage;

    public FileSnapshotStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.reader = new StateFileReader(this.file);
        this.rewriter = new StateFileRewriter(this.file);
        this.fileLock = new StateFileLock(this.file);
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
            fileLock.acquire();
            if (!Files.exists(file) || Files.size(file) == 0) {
                rewriter.replaceWith(List.of()); // a new file, or an empty one made ready for it
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
        Scan scan = reader.check(channel.size());
        long size = channel.size();
        if (scan.damage() != null) {
            damage = scan.damage();
            end = size;
        } else {
            end = scan.validEnd();
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
            fileLock.release();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void load(String key, Loader loader) throws IOException, DamagedStateException {
        lock.lock();
        try {
            checkReadable();
            Scan scan = reader.scan(channel.size(), key, loader, null);
            if (scan.damage() != null) {
                throw scan.damage();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String getValue(String key) throws IOException, DamagedStateException {
        String[] value = new String[1];
        lock.lock();
        try {
            checkReadable();
            Scan scan = reader.scan(channel.size(), key, null, value);
            if (scan.damage() != null) {
                throw scan.damage();
            }
        } finally {
            lock.unlock();
        }
        return value[0];
    }

    @Override
    public void write(String key, Collection<StoredRecord> puts, Collection<String> removes) throws IOException, DamagedStateException {
        append(StateFileFormat.batchPayload(key, puts, removes));
    }

    @Override
    public void setValue(String key, String value) throws IOException, DamagedStateException {
        append(new Payload(StateFileFormat.valuePayload(key, value)));
    }

    @Override
    public void startOver(String key) throws IOException, DamagedStateException {
        lock.lock();
        try {
            if (damage != null) {
                Path aside = file.resolveSibling(file.getFileName() + ".damaged");
                channel.close();
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                LOG.warn("stateFile {} was set aside as {}: every consumer storing in it starts over", file, aside);
                rewriter.replaceWith(List.of());
                open();
            } else {
                append(new Payload(StateFileFormat.clearPayload(key)));
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

    private void checkReadable() throws DamagedStateException {
        if (channel == null) {
            throw new IllegalStateException("FileSnapshotStore of " + file + " is not started");
        }
        if (damage != null) {
            throw damage;
        }
    }

    private void append(Payload payload) throws IOException, DamagedStateException {
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

    /** Rewrites the file with only what is stored now, replacing it atomically. */
    private void compact() throws IOException, DamagedStateException {
        Map<String, Map<String, byte[]>> records = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        Scan scan = reader.scanAll(channel.size(), records, values);
        if (scan.damage() != null) {
            throw scan.damage();
        }
        List<byte[]> payloads = StateFileRewriter.compacted(records, values);
        channel.close();
        rewriter.replaceWith(payloads);
        open();
        LOG.debug("stateFile {} compacted to {} bytes", file, end);
    }
}
