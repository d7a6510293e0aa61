package io.github.camelmapiq.mapiq.consumer.state;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.BATCH;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.MAGIC;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.frame;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.valuePayload;
import static io.github.camelmapiq.mapiq.consumer.state.StateFileFormat.writeText;

/**
 * Replaces a {@link FileSnapshotStore} file atomically: a new file beside it, forced to disk, renamed over it, and the
 * folder forced too. Compaction uses it to rewrite the file with only what is stored now.
 */
final class StateFileRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(FileSnapshotStore.class);

    /** Records per batch in a compacted file. */
    private static final int COMPACTED_BATCH = 10_000;

    private final Path file;

    StateFileRewriter(Path file) {
        this.file = file;
    }

    /** The payloads of a compacted file holding these values and records, per key. */
    static List<byte[]> compacted(Map<String, Map<String, byte[]>> records, Map<String, String> values)
            throws IOException {
        List<byte[]> payloads = new ArrayList<>();
        for (Map.Entry<String, String> value : values.entrySet()) {
            payloads.add(valuePayload(value.getKey(), value.getValue()));
        }
        for (Map.Entry<String, Map<String, byte[]>> key : records.entrySet()) {
            Object[] entries = key.getValue().entrySet().toArray();
            for (int from = 0; from < entries.length; from += COMPACTED_BATCH) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                DataOutputStream out = new DataOutputStream(bytes);
                out.writeByte(BATCH);
                writeText(key.getKey(), out);
                out.writeInt(0);
                int to = Math.min(entries.length, from + COMPACTED_BATCH);
                out.writeInt(to - from);
                for (int i = from; i < to; i++) {
                    @SuppressWarnings("unchecked")
                    Map.Entry<String, byte[]> entry = (Map.Entry<String, byte[]>) entries[i];
                    writeText(entry.getKey(), out);
                    out.write(entry.getValue());
                }
                payloads.add(bytes.toByteArray());
            }
        }
        return payloads;
    }

    /** Writes a new file beside the old one, forces it to disk, and renames it over the old one. */
    void replaceWith(List<byte[]> payloads) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFully(out, ByteBuffer.wrap(MAGIC));
            for (byte[] payload : payloads) {
                writeFully(out, frame(payload));
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp); // a disk that is full keeps the old file and gets its space back
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            throw e;
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
}
