package io.github.camelmapiq.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child JVM of the benchmark (the simulator, or a case that needs a heap of its own), started with this JVM's
 * classpath. It is always ended: by {@link #close()}, and by a shutdown hook if the benchmark itself is stopped.
 * {@code -XX:+ExitOnOutOfMemoryError} makes a child that runs out of heap exit at once with code 3 instead of
 * collecting in vain, so a shortage is reported as such rather than as a timeout.
 */
final class ChildJvm implements AutoCloseable {

    /** The exit code of a JVM started with {@code -XX:+ExitOnOutOfMemoryError} that ran out of memory. */
    static final int OUT_OF_MEMORY_EXIT = 3;

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(ChildJvm::kill), "child-jvm-killer"));
    }

    private final String name;
    private final Process process;
    private final List<String> errorTail = new ArrayList<>();
    private volatile boolean outOfMemory;
    private final Thread stdoutReader;
    private final Thread stderrReader;

    private ChildJvm(String name, Process process, Consumer<String> lines) {
        this.name = name;
        this.process = process;
        this.stdoutReader = pump(process.getInputStream(), name + "-out", lines);
        this.stderrReader = pump(process.getErrorStream(), name + "-err", line -> {
            synchronized (errorTail) {
                errorTail.add(line);
                if (errorTail.size() > 20) {
                    errorTail.remove(0);
                }
            }
        });
    }

    /**
     * Starts {@code mainClass} in a new JVM.
     *
     * @param lines receives every line the child prints on standard output, on a reader thread
     */
    /** The children whose whole heap is touched at start: the simulator, which serves every round of every case. */
    private static final java.util.Set<String> PRE_TOUCHED = java.util.Set.of("mapiq-simulator");

    static ChildJvm start(String name, String heap, String mainClass, List<String> args, Consumer<String> lines)
            throws IOException {
        return start(name, heap, mainClass, args, Map.of(), lines);
    }

    /**
     * Starts {@code mainClass} in a new JVM, with {@code env} added to this JVM's environment.
     *
     * @param lines receives every line the child prints on standard output, on a reader thread
     */
    static ChildJvm start(String name, String heap, String mainClass, List<String> args, Map<String, String> env,
            Consumer<String> lines) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms" + heap);
        command.add("-Xmx" + heap);
        if (PRE_TOUCHED.contains(name)) {
            command.add("-XX:+AlwaysPreTouch"); // its heap is mapped before it serves: no page faults mid-round
        }
        command.add("-XX:+UseG1GC");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Dsun.net.httpserver.nodelay=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder.start();
        RUNNING.add(process);
        return new ChildJvm(name, process, lines);
    }

    /** Waits at most {@code bound} for the child to exit; answers its exit code, or null if it is still running. */
    Integer await(Duration bound) throws InterruptedException {
        if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
            return null;
        }
        stdoutReader.join(5_000);
        stderrReader.join(5_000);
        RUNNING.remove(process);
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    /** Whether the child said it ran out of heap (it also exits with {@link #OUT_OF_MEMORY_EXIT}). */
    boolean ranOutOfMemory() {
        return outOfMemory || (!process.isAlive() && process.exitValue() == OUT_OF_MEMORY_EXIT);
    }

    /** The last lines the child wrote to standard error. */
    String errorTail() {
        synchronized (errorTail) {
            return String.join(" | ", errorTail);
        }
    }

    /** Ends the child: politely, then forcibly, each wait bounded. */
    @Override
    public void close() {
        kill(process);
        RUNNING.remove(process);
    }

    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private Thread pump(InputStream stream, String threadName, Consumer<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (line.contains("java.lang.OutOfMemoryError")) {
                        outOfMemory = true;
                    }
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
