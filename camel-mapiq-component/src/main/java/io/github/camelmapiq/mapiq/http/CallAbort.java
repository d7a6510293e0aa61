package io.github.camelmapiq.mapiq.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Lets a stopping Camel context end the component's waits at once: the pauses between retries (a {@code Retry-After}
 * may ask for many seconds) and the requests in flight (a slow answer). Without it, Camel's graceful shutdown waits
 * for them until its own timeout. Calls made after {@link #abortAll()} fail at once until {@link #allow()}.
 */
final class CallAbort {

    private final Object monitor = new Object();
    private final Set<Cancellable> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean aborting;

    /** Camel is stopping: wake every waiting call and cancel the requests in flight. */
    void abortAll() {
        synchronized (monitor) {
            aborting = true;
            monitor.notifyAll();
        }
        inFlight.forEach(Cancellable::cancel);
    }

    /** Camel (re)started: calls may run again. */
    void allow() {
        aborting = false;
    }

    /** Fails with {@link MapiqCallAbortedException} if Camel is stopping. */
    void check(String call) throws MapiqCallAbortedException {
        if (aborting) {
            throw new MapiqCallAbortedException(call);
        }
    }

    /** Waits {@code wait}, or less if Camel stops meanwhile (then fails with {@link MapiqCallAbortedException}). */
    void pause(Duration wait, String call) throws InterruptedException, MapiqCallAbortedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (monitor) {
            for (long left = wait.toNanos(); left > 0 && !aborting; left = deadline - System.nanoTime()) {
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
        check(call);
    }

    /** Tracks {@code request} until {@link #done}, so that {@link #abortAll()} can cancel it. */
    void started(Cancellable request, String call) throws MapiqCallAbortedException {
        inFlight.add(request);
        if (aborting) {
            inFlight.remove(request);
            throw new MapiqCallAbortedException(call);
        }
    }

    void done(Cancellable request) {
        inFlight.remove(request);
    }

    boolean isAborting() {
        return aborting;
    }
}
