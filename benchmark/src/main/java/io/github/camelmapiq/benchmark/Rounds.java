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
 * Runs the rounds of one client in this JVM: the warm-up rounds, then the measured ones, each bounded in time. A round
 * that takes too long is aborted (its client is closed, which breaks a call in flight) and ends the series as
 * TIMEOUT; an error, running out of heap included, ends it as FAILED or OUT OF MEMORY. Nothing is thrown.
 */
final class Rounds {

    /** One round's work: answers how many things (records, calls) it handled. */
    interface Work {
        long run() throws Exception;
    }

    private Rounds() {
    }

    static Figure measure(Figure.Builder figure, BenchmarkOptions options, Work work, Runnable abort) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "benchmark-round");
            t.setDaemon(true);
            return t;
        });
        try {
            int total = options.warmups() + options.rounds();
            for (int i = 0; i < total; i++) {
                boolean warmup = i < options.warmups();
                long t0 = System.nanoTime();
                Future<Long> round = executor.submit(work::run);
                try {
                    long count = round.get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                    figure.round(warmup, count, System.nanoTime() - t0);
                } catch (TimeoutException e) {
                    abortQuietly(abort);
                    round.cancel(true);
                    return figure.outcome(Figure.TIMEOUT, "round " + (i + 1) + " took over "
                                                          + options.timeout().toSeconds() + " s (--timeout-seconds)");
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    return figure.outcome(isOutOfMemory(cause) ? Figure.OUT_OF_MEMORY : Figure.FAILED,
                            "round " + (i + 1) + ": " + describe(cause));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return figure.outcome(Figure.FAILED, "interrupted");
                }
            }
            return figure.build();
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
