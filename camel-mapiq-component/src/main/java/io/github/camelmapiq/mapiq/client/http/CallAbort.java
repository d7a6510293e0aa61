package io.github.camelmapiq.mapiq.client.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * Lets a stopping Camel context end the component's waits at once: the pauses between retries (a {@code Retry-After}
 * may ask for many seconds) and reads in flight (a slow answer). Without it, Camel's graceful shutdown waits for them
 * until its own timeout. New calls still run, so in-flight exchanges complete as graceful shutdown promises, and a
 * write in flight is never cancelled (Mapiq may have processed it); only their retry waits end.
 */
final class CallAbort {

    /** A lock and condition, not a monitor: a virtual thread waiting here releases its carrier thread. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopping = lock.newCondition();
    private final Set<Cancellable> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean aborting;
    /** How many times Camel began to stop: a call that began before the latest stop is cut short when it reads. */
    private volatile long stops;
    /** Whose stop is this one's too: the component's, for the abort of one consumer's listing. */
    private final CallAbort parent;
    private final Set<CallAbort> children = ConcurrentHashMap.newKeySet();

    CallAbort() {
        this(null);
    }

    private CallAbort(CallAbort parent) {
        this.parent = parent;
    }

    /**
     * An abort of its own for some calls (one listing's), set off by {@link #abortAll()} on it alone, and by this one's:
     * a consumer that stops (a route stopped, leadership lost) ends its reads at once while other routes go on.
     */
    CallAbort child() {
        CallAbort child = new CallAbort(this);
        children.add(child);
        if (aborting) {
            child.abortAll();
        }
        return child;
    }

    /** A child no longer needed: its parent forgets it. */
    void release() {
        if (parent != null) {
            parent.children.remove(this);
        }
    }

    /** Camel is stopping: wake every waiting call and cancel the reads in flight. */
    void abortAll() {
        lock.lock();
        try {
            aborting = true;
            stops++;
            stopping.signalAll();
        } finally {
            lock.unlock();
        }
        inFlight.forEach(Cancellable::cancel);
        children.forEach(CallAbort::abortAll);
    }

    /** Camel (re)started: calls may run again. */
    void allow() {
        aborting = false;
    }

    /** Fails with {@link MapiqCallAbortedException} if Camel is stopping. */
    private void check(String call) throws MapiqCallAbortedException {
        if (aborting) {
            throw new MapiqCallAbortedException(call);
        }
    }

    /** Waits {@code wait}, or less if Camel stops meanwhile (then fails with {@link MapiqCallAbortedException}). */
    void pause(Duration wait, String call) throws InterruptedException, MapiqCallAbortedException {
        lock.lock();
        try {
            for (long left = wait.toNanos(); left > 0 && !aborting; ) {
                left = stopping.awaitNanos(left);
            }
        } finally {
            lock.unlock();
        }
        check(call);
    }

    /** What a call notes when it begins, for {@link #started}. */
    long began() {
        return stops;
    }

    /**
     * Tracks a read until {@link #done}, so that {@link #abortAll()} can cancel it; writes run to their end. A read of a
     * call that began before Camel began to stop ({@code began}, from {@link #began()}) is cancelled at once while
     * Camel stops: it was on its way (fetching its token, say) when the reads in flight were cancelled.
     */
    void started(Cancellable request, CallKind kind, long began) {
        if (kind == CallKind.READ) {
            inFlight.add(request);
            if (aborting && stops != began) {
                request.cancel();
            }
        }
    }

    void done(Cancellable request) {
        inFlight.remove(request);
    }

    boolean isAborting() {
        return aborting;
    }
}
