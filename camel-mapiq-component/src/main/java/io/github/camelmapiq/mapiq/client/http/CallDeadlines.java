package io.github.camelmapiq.mapiq.client.http;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Cancels a request whose call ran past its {@code callTimeout}: one daemon timer thread for the whole JVM, which only
 * fires the cancellation (the call itself fails in its own thread). Timers of calls that end in time are removed at
 * once, so the queue holds only the calls in flight.
 */
final class CallDeadlines {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private CallDeadlines() {
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "mapiq-call-deadline");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    /** Runs {@code cancel} at {@code deadline} (a {@link System#nanoTime()} value) unless the returned future is cancelled. */
    static ScheduledFuture<?> cancelAt(long deadline, Runnable cancel) {
        return TIMER.schedule(cancel, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }
}
