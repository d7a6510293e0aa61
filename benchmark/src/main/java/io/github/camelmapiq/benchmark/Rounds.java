package io.github.camelmapiq.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One round of a client in this JVM, bounded in time, and the arithmetic of rounds. Nothing is thrown: a round that
 * takes too long, fails or runs out of heap ends as TIMEOUT, FAILED or OUT OF MEMORY.
 */
final class Rounds {

    /** One round's work: answers how many things (records, calls) it handled. */
    interface Work {
        long run() throws Exception;
    }

    private Rounds() {
    }

    /** How one round ended: its count and time, or the outcome that cut it short. */
    record Outcome(long count, long nanos, String failure, String note) {
        boolean ok() {
            return failure == null;
        }
    }

    /**
     * Runs one round on a thread of its own, bounded by {@code timeout}; when the bound is hit, {@code abort} is run
     * (it closes the client, which breaks a call in flight) and the round is reported as TIMEOUT.
     */
    static Outcome run(Work work, Duration timeout, Runnable abort) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "benchmark-round");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        Future<Long> round = executor.submit(work::run);
        try {
            long count = round.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome(count, System.nanoTime() - t0, null, "");
        } catch (TimeoutException e) {
            abortQuietly(abort);
            round.cancel(true);
            return new Outcome(0, 0, Figure.TIMEOUT, "a round took over " + timeout.toSeconds()
                                                     + " s (--timeout-seconds)");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome(0, 0, isOutOfMemory(cause) ? Figure.OUT_OF_MEMORY : Figure.FAILED, describe(cause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(0, 0, Figure.FAILED, "interrupted");
        } finally {
            executor.shutdownNow();
            try {
                executor.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void abortQuietly(Runnable abort) {
        try {
            abort.run();
        } catch (RuntimeException | OutOfMemoryError ignored) {
            // the round is reported as TIMEOUT anyway
        }
    }

    static boolean isOutOfMemory(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** The root cause's class and message, short enough for a table cell. */
    static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        text = text.replace('|', '/').replace('\n', ' ');
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** The median of some values (the mean of the middle two for an even count). */
    static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        if (n == 0) {
            return 0;
        }
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    static Duration nanos(double nanos) {
        return Duration.ofNanos((long) nanos);
    }
}
