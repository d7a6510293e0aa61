package io.github.camelmapiq.mapiq.client.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Cancels requests whose call ran past its {@code callTimeout}: one daemon watchdog thread for the whole JVM, which
 * looks at the calls in flight every {@value #TICK_MILLIS} ms and fires the cancellation of those past their deadline
 * (the call itself then fails in its own thread). A call that ends in time only leaves a concurrent set: no timer is
 * scheduled and cancelled per call, which under many threads made every call queue for the one lock of a scheduled
 * executor. With no call in flight the watchdog sleeps until the next one.
 */
final class CallDeadlines {

    static final long TICK_MILLIS = 10;

    private static final Set<Deadline> WATCHED = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean SLEEPING = new AtomicBoolean();
    private static final Thread WATCHDOG = watchdog();

    private CallDeadlines() {
    }

    /** One call's deadline; {@link #cancel()} when the call ended in time. */
    static final class Deadline {
        private final long at;
        private final Runnable onExpiry;

        private Deadline(long at, Runnable onExpiry) {
            this.at = at;
            this.onExpiry = onExpiry;
        }

        /** The call ended: its deadline no longer matters. */
        void cancel() {
            WATCHED.remove(this);
        }
    }

    /** Runs {@code onExpiry} at {@code deadline} (a {@link System#nanoTime()} value) unless cancelled before. */
    static Deadline cancelAt(long deadline, Runnable onExpiry) {
        Deadline watched = new Deadline(deadline, onExpiry);
        WATCHED.add(watched);
        if (SLEEPING.get()) {
            LockSupport.unpark(WATCHDOG);
        }
        return watched;
    }

    private static Thread watchdog() {
        Thread thread = new Thread(CallDeadlines::watch, "mapiq-call-deadline");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void watch() {
        while (true) {
            if (WATCHED.isEmpty()) {
                SLEEPING.set(true);
                if (WATCHED.isEmpty()) {
                    LockSupport.park(); // a new call unparks it (a permit given before the park is kept)
                }
                SLEEPING.set(false);
                continue;
            }
            long now = System.nanoTime();
            for (Deadline deadline : WATCHED) {
                if (now - deadline.at >= 0 && WATCHED.remove(deadline)) {
                    try {
                        deadline.onExpiry.run();
                    } catch (RuntimeException ignored) {
                        // a cancellation that fails leaves the call to its socket timeouts; the watchdog goes on
                    }
                }
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
        }
    }
}
