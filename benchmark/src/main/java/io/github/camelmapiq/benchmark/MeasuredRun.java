package io.github.camelmapiq.benchmark;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

/**
 * Runs one measured piece of work with a time bound, measuring its heap, and turns whatever happens (done, too slow,
 * out of memory, failed) into a {@link Measurement}. A bound that is hit is a finding, so it is reported as such with
 * the progress made, never hidden.
 */
final class MeasuredRun {

    /** The work: answers a note for the results (or null); progress is read from the count supplier. */
    interface Work extends Callable<String> {
    }

    static final String OUT_OF_MEMORY = "OUT OF MEMORY";
    static final String TIMEOUT = "TIMEOUT";

    private MeasuredRun() {
    }

    static Measurement measure(String scenario, String variant, String unit, Duration timeout, LongSupplier count,
                               Work work) {
        return measure(scenario, variant, unit, timeout, count, work, () -> {
        });
    }

    /**
     * @param abort called when the bound is hit, to make the work give up (stopping its Camel context closes its
     *              connections, so a listing in progress fails at once); the run then waits for the work to end
     */
    static Measurement measure(String scenario, String variant, String unit, Duration timeout, LongSupplier count,
                               Work work, Runnable abort) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "benchmark-" + scenario);
            t.setDaemon(true);
            return t;
        });
        HeapMeter meter = HeapMeter.start();
        long t0 = System.nanoTime();
        String outcome = Measurement.OK;
        String note;
        Future<String> result = executor.submit(work);
        long deadline = t0 + timeout.toNanos();
        try {
            Finished finished = awaitResult(result, meter, deadline);
            if (finished != null) {
                note = finished.note();
            } else {
                outcome = meter.exhausted() ? OUT_OF_MEMORY : TIMEOUT;
                note = meter.exhausted() ? "heap exhausted (over 85% still in use after collections), stopped"
                        : "stopped after " + timeout.toSeconds() + " s (--timeout-seconds)";
                note += abortQuietly(abort);
                result.cancel(true);
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            outcome = isOutOfMemory(cause) ? OUT_OF_MEMORY : "FAILED";
            note = describe(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = "INTERRUPTED";
            note = null;
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        HeapMeter.HeapUse heap = meter.stop();
        executor.shutdownNow();
        awaitEnd(executor);
        return new Measurement(scenario, variant, count.getAsLong(), unit, elapsed, heap, outcome, note);
    }

    /** The answer of work that finished. */
    private record Finished(String note) {
    }

    /** How the work finished, or null when the deadline passed or the heap ran out first. */
    private static Finished awaitResult(Future<String> result, HeapMeter meter, long deadline)
            throws ExecutionException, InterruptedException {
        while (System.nanoTime() < deadline && !meter.exhausted()) {
            try {
                return new Finished(result.get(100, TimeUnit.MILLISECONDS));
            } catch (TimeoutException stillRunning) {
                // check the bounds again
            }
        }
        return null;
    }

    /** Aborting may itself meet the shortage that made it necessary: that must not lose the measurement. */
    private static String abortQuietly(Runnable abort) {
        try {
            abort.run();
            return "";
        } catch (RuntimeException | OutOfMemoryError e) {
            return " (stopping it failed too: " + e + ")";
        }
    }

    private static void awaitEnd(ExecutorService executor) {
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                System.err.println("warning: the timed-out work is still running; later figures may be disturbed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
