package io.github.camelmapiq.mapiq.consumer.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that reads and writes a {@link FileSnapshotStore} file. A {@code FileChannel} closes itself when a
 * thread using it is interrupted, and Camel interrupts a consumer's poll when its route stops: done on this thread, the
 * I/O never sees the caller's interrupt, so the channel stays open for the other consumers sharing the file. Running
 * every operation here also serialises them, so the store needs no lock of its own. The caller waits for its operation
 * to finish even when interrupted, and keeps its interrupt.
 */
final class StateFileThread {

    /** One operation on the file. */
    @FunctionalInterface
    interface Work<T> {
        T call() throws IOException, DamagedStateException;
    }

    private final String name;
    private ExecutorService executor;

    StateFileThread(Path file) {
        this.name = "mapiq-stateFile-" + file.getFileName();
    }

    synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    synchronized void stop() {
        if (executor != null) {
            executor.shutdown();
            executor = null;
        }
    }

    <T> T run(Work<T> work) throws IOException, DamagedStateException {
        ExecutorService running;
        synchronized (this) {
            running = executor;
        }
        if (running == null) {
            throw new IllegalStateException("The FileSnapshotStore of thread " + name + " is not started");
        }
        Future<T> result = running.submit(work::call);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the operation finishes all the same: the file must not be left half-written
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof IOException io) {
                        throw io;
                    }
                    if (cause instanceof DamagedStateException damaged) {
                        throw damaged;
                    }
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
