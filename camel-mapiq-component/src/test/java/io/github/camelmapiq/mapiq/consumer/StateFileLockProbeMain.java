package io.github.camelmapiq.mapiq.consumer;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A process of its own that tries the lock of a state file once and prints {@code free} or {@code held}: the operating
 * system's view of the lock, which no test inside the JVM holding it can see.
 */
public final class StateFileLockProbeMain {

    private StateFileLockProbeMain() {
    }

    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            System.out.println(lock == null ? "held" : "free");
        }
    }
}
