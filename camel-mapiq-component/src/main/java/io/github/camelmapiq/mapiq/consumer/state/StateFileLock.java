package io.github.camelmapiq.mapiq.consumer.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock file {@code <stateFile>.lock} that keeps a second process or CamelContext from writing the same
 * {@link FileSnapshotStore} file.
 */
final class StateFileLock {

    private final Path file;
    private FileChannel lockChannel;
    private FileLock processLock;

    StateFileLock(Path file) {
        this.file = file;
    }

    /** Takes the lock, or fails naming the file when another process or CamelContext holds it. */
    void acquire() throws IOException {
        lockChannel = FileChannel.open(file.resolveSibling(file.getFileName() + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            processLock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            processLock = null;
        }
        if (processLock == null) {
            lockChannel.close();
            lockChannel = null;
            throw new IllegalStateException("stateFile " + file + " is in use by another process or CamelContext: "
                                            + "each needs a stateFile of its own");
        }
    }

    void release() throws IOException {
        if (processLock != null) {
            processLock.release();
            processLock = null;
        }
        if (lockChannel != null) {
            lockChannel.close();
            lockChannel = null;
        }
    }
}
