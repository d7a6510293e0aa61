package io.github.camelmapiq.mapiq.consumer.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock file {@code <stateFile>.lock} that keeps a second process or CamelContext from writing the same
 * {@link FileSnapshotStore} file.
 * <p>
 * The operating system's lock belongs to the process, and closing any channel on the file releases it: so a second
 * CamelContext of the same JVM must be refused before it opens the lock file, or its refusal would release the lock of
 * the first. The files held in this JVM are kept in one registry for that.
 */
final class StateFileLock {

    /** The state files whose lock this JVM holds. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private FileChannel lockChannel;
    private FileLock processLock;

    StateFileLock(Path file) {
        this.file = file;
    }

    /** Takes the lock, or fails naming the file when another process or CamelContext holds it. */
    void acquire() throws IOException {
        if (processLock != null) {
            return;
        }
        if (!HELD.add(file)) {
            throw refused("another CamelContext of this JVM");
        }
        try {
            lockChannel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                processLock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                processLock = null; // not taken through this registry: left as it is
            }
        } catch (IOException | RuntimeException e) {
            closeChannel();
            HELD.remove(file);
            throw e;
        }
        if (processLock == null) {
            closeChannel();
            HELD.remove(file);
            throw refused("another process");
        }
    }

    private IllegalStateException refused(String holder) {
        return new IllegalStateException("stateFile " + file + " is in use by " + holder + ": each process or "
                                         + "CamelContext needs a stateFile of its own");
    }

    void release() throws IOException {
        if (processLock == null) {
            return;
        }
        try {
            processLock.release();
            processLock = null;
            closeChannel();
        } finally {
            HELD.remove(file);
        }
    }

    private void closeChannel() throws IOException {
        if (lockChannel != null) {
            lockChannel.close();
            lockChannel = null;
        }
    }
}
