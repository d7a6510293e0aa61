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
 * A failed write heals: an append that fails (a full disk) is cut back to the last whole write, a compaction that
 * fails leaves the store writing to the old file, and the file is read and written on a thread of its own
 * ({@link StateFileThread}), so that an interrupted caller (a route stopped mid-poll) never closes the channel that
 * every consumer sharing the file writes to.
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
    private final StateFileThread io;
    // the fields below are used on the io thread only
    private FileChannel channel;
    private long end;
    private long compactedSize;
    /** Bytes of a failed append may follow {@link #end}: cut them off before the next append. */
    private boolean tornTail;
    private DamagedStateException damage;

    public FileSnapshotStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.reader = new StateFileReader(this.file);
        this.rewriter = new StateFileRewriter(this.file);
        this.fileLock = new StateFileLock(this.file);
        this.io = new StateFileThread(this.file);
    }

    public Path getFile() {
        return file;
    }

    @Override
    protected void doStart() throws Exception {
        io.start();
        io.run(() -> {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            fileLock.acquire();
            try {
                if (!Files.exists(file) || Files.size(file) == 0) {
                    rewriter.replaceWith(List.of()); // a new file, or an empty one made ready for it
                }
                if (open() && damage == null) {
                    compact(); // a file of the first format is rewritten in the current one
                }
            } catch (IOException | RuntimeException e) {
                closeChannel();
                fileLock.release();
                throw e;
            }
            return null;
        });
    }

    /**
     * Opens the file for appending and checks every record; a write cut short at the end is dropped. Answers whether
     * the file is of the first format.
     */
    private boolean open() throws IOException {
        FileChannel opened = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        closeChannel();
        channel = opened;
        damage = null;
        tornTail = false;
        long size = channel.size();
        Scan scan = reader.check(size);
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
        return scan.firstFormat();
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    protected void doStop() throws Exception {
        io.run(() -> {
            closeChannel();
            fileLock.release();
            return null;
        });
        io.stop();
    }

    @Override
    public void load(String key, Loader loader) throws IOException, DamagedStateException {
        io.run(() -> {
            checkReadable();
            Scan scan = reader.scan(end, key, loader, null);
            if (scan.damage() != null) {
                throw scan.damage();
            }
            return null;
        });
    }

    @Override
    public String getValue(String key) throws IOException, DamagedStateException {
        return io.run(() -> {
            String[] value = new String[1];
            checkReadable();
            Scan scan = reader.scan(end, key, null, value);
            if (scan.damage() != null) {
                throw scan.damage();
            }
            return value[0];
        });
    }

    @Override
    public void write(String key, Collection<StoredRecord> puts, Collection<String> removes)
            throws IOException, DamagedStateException {
        Payload payload = StateFileFormat.batchPayload(key, puts, removes);
        io.run(() -> append(payload));
    }

    @Override
    public void setValue(String key, String value) throws IOException, DamagedStateException {
        Payload payload = new Payload(StateFileFormat.valuePayload(key, value));
        io.run(() -> append(payload));
    }

    @Override
    public void startOver(String key) throws IOException, DamagedStateException {
        io.run(() -> {
            if (damage != null) {
                Path aside = file.resolveSibling(file.getFileName() + ".damaged");
                closeChannel();
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                LOG.warn("stateFile {} was set aside as {}: every consumer storing in it starts over", file, aside);
                rewriter.replaceWith(List.of());
                open();
                return null;
            }
            return append(new Payload(StateFileFormat.clearPayload(key)));
        });
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

    /** Appends one record and forces it to disk; on failure the file is cut back to the last whole write. */
    private Void append(Payload payload) throws IOException, DamagedStateException {
        checkReadable();
        if (tornTail) {
            channel.truncate(end);
            channel.force(false);
            tornTail = false;
        }
        long at = end;
        try {
            for (ByteBuffer part : new ByteBuffer[] { payload.header(), payload.buffer() }) {
                while (part.hasRemaining()) {
                    at += channel.write(part, at);
                }
            }
            channel.force(false);
        } catch (IOException e) {
            tornTail = true;
            try {
                channel.truncate(end);
                channel.force(false);
                tornTail = false;
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        end = at;
        if (end - compactedSize > Math.max(MIN_LOG_BEFORE_COMPACTION, compactedSize)) {
            try {
                compact();
            } catch (IOException e) {
                compactedSize = end; // tried again once the log has grown as much once more
                LOG.warn("stateFile {} could not be compacted ({}); it stays in use as it is", file, e.getMessage());
            }
        }
        return null;
    }

    /**
     * Rewrites the file with only what is stored now, replacing it atomically. Until the new file is in place the old
     * channel stays open, so a compaction that fails leaves the store writing to the old file.
     */
    private void compact() throws IOException, DamagedStateException {
        Map<String, Map<String, byte[]>> records = new LinkedHashMap<>();
        Map<String, String> values = new LinkedHashMap<>();
        Scan scan = reader.scanAll(end, records, values);
        if (scan.damage() != null) {
            throw scan.damage();
        }
        List<byte[]> payloads = StateFileRewriter.compacted(records, values);
        rewriter.replaceWith(payloads);
        open();
        LOG.debug("stateFile {} compacted to {} bytes", file, end);
    }
}
