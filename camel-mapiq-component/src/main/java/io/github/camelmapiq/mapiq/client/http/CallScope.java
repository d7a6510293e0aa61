package io.github.camelmapiq.mapiq.client.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmapiq.mapiq.MapiqException;
import io.github.camelmapiq.mapiq.client.auth.TokenRequestScope;
import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * One call's deadline and stop, over everything the call does: the token it waits for or fetches, each attempt, the
 * waits between attempts and the reading of the answer. A request it watches is cancelled at the deadline
 * ({@code callTimeout}) and, for reads, when {@code abort} is set off (Camel stopping, or the consumer that owns the
 * call stopping).
 */
final class CallScope implements TokenRequestScope {

    private final String call;
    private final Duration timeout;
    private final long deadline;
    private final CallAbort abort;
    private final long began;

    /**
     * @param call    "GET /v2/users", for messages
     * @param timeout the call's {@code callTimeout}; zero for none
     */
    CallScope(String call, Duration timeout, CallAbort abort) {
        this.call = call;
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.abort = abort;
        this.began = abort.began();
    }

    @Override
    public long nanosLeft() {
        return timeout.isZero() ? Long.MAX_VALUE : deadline - System.nanoTime();
    }

    /** Token requests are reads: safe to cancel whenever the call no longer needs them. */
    @Override
    public Watch watch(Cancellable request) {
        return watch(request, CallKind.READ, "the access token");
    }

    /** Watches one attempt; a write is cancelled at its deadline only, never by a stop (Mapiq may have processed it). */
    Watch watch(Cancellable request, CallKind kind, String what) {
        AtomicBoolean timedOut = new AtomicBoolean();
        CallDeadlines.Deadline timer = timeout.isZero() ? null : CallDeadlines.cancelAt(deadline, () -> {
            timedOut.set(true);
            request.cancel();
        });
        abort.started(request, kind, began);
        return new Watch() {
            @Override
            public MapiqException cancelled(Exception cause) {
                if (timedOut.get()) {
                    return timedOut(what, cause);
                }
                return abort.isAborting() ? new MapiqCallAbortedException(call) : null;
            }

            @Override
            public void close() {
                if (timer != null) {
                    timer.cancel();
                }
                abort.done(request);
            }
        };
    }

    /** Whether a wait of {@code wait} would end past the deadline. */
    boolean outlasts(Duration wait) {
        return !timeout.isZero() && nanosLeft() <= wait.toNanos();
    }

    @Override
    public void pause(Duration wait) throws Exception {
        if (outlasts(wait)) {
            throw timedOut("the access token (a retry of its request would end after the deadline)", null);
        }
        abort.pause(wait, call);
    }

    @Override
    public MapiqResponseException timedOut(String what, Exception cause) {
        return failure(", waiting for " + what, cause);
    }

    /** The call's failure when its deadline passed after {@code attempts} attempts. */
    MapiqResponseException timedOut(int attempts, Exception cause) {
        return failure(", " + attempts + (attempts == 1 ? " attempt" : " attempts"), cause);
    }

    private MapiqResponseException failure(String detail, Exception cause) {
        return new MapiqResponseException("Mapiq API " + call + " did not complete within callTimeout ("
                                          + timeout.toMillis() + " ms" + detail + ")", cause);
    }
}
