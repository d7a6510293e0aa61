package io.github.camelmapiq.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A failure the simulator injects into API calls so that clients can prove their retry, timeout
 * and parsing behaviour. Immutable: every modifier answers a copy.
 *
 * <pre>{@code
 * Fault.status(503).retryAfterSeconds(1).times(2)   // the next two matching calls answer 503
 * Fault.delay(Duration.ofSeconds(2)).onPath("/v2/users")
 * Fault.connectionReset().fraction(0.1)             // one call in ten loses its connection
 * }</pre>
 *
 * <p>Without {@link #times(int)} a fault applies to every matching call until
 * {@link SimulatorControl#clearFaults()}. Without {@link #onPath(String)} a fault matches every API
 * call except the two token endpoints, so that "the next two calls fail" means data calls; target
 * a token endpoint explicitly with {@code onPath(sim.tokenUrl() path)}. Faults are checked before
 * authentication and are counted in the call counters with the status they produced (0 for a
 * connection reset).
 */
public final class Fault {

    /** What happens to a matching call. */
    public enum Kind {
        /** Answer an RFC 7807 problem with the given status (and Retry-After when set). */
        STATUS,
        /** Wait, then answer normally. */
        DELAY,
        /** Close the connection without answering. */
        CONNECTION_RESET,
        /** Answer 200 with the real JSON body cut in half (a complete HTTP response). */
        TRUNCATED_JSON,
        /** Answer 200 with a body that is not JSON. */
        MALFORMED_JSON
    }

    private final Kind kind;
    private final int status;
    private final int retryAfterSeconds;
    private final Duration delay;
    private final int times;
    private final double fraction;
    private final String path;
    private final String method;

    private Fault(Kind kind, int status, int retryAfterSeconds, Duration delay, int times, double fraction,
            String path, String method) {
        this.kind = kind;
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
        this.delay = delay;
        this.times = times;
        this.fraction = fraction;
        this.path = path;
        this.method = method;
    }

    private static Fault of(Kind kind) {
        return new Fault(kind, 0, -1, Duration.ZERO, -1, 1.0, null, null);
    }

    /** Answer with this HTTP status (an RFC 7807 body). */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100..599: " + status);
        }
        return new Fault(Kind.STATUS, status, -1, Duration.ZERO, -1, 1.0, null, null);
    }

    /** Delay the answer by this much; the call then proceeds normally. */
    public static Fault delay(Duration delay) {
        return new Fault(Kind.DELAY, 0, -1, Objects.requireNonNull(delay), -1, 1.0, null, null);
    }

    public static Fault connectionReset() {
        return of(Kind.CONNECTION_RESET);
    }

    public static Fault truncatedJson() {
        return of(Kind.TRUNCATED_JSON);
    }

    public static Fault malformedJson() {
        return of(Kind.MALFORMED_JSON);
    }

    /** Adds a {@code Retry-After} header (status faults). */
    public Fault retryAfterSeconds(int seconds) {
        return new Fault(kind, status, seconds, delay, times, fraction, path, method);
    }

    /** Applies to the next {@code n} matching calls only. */
    public Fault times(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return new Fault(kind, status, retryAfterSeconds, delay, n, fraction, path, method);
    }

    /** Applies to this fraction (0..1) of matching calls, at random. */
    public Fault fraction(double f) {
        if (f < 0 || f > 1) {
            throw new IllegalArgumentException("fraction must be 0..1");
        }
        return new Fault(kind, status, retryAfterSeconds, delay, times, f, path, method);
    }

    /** Matches only calls whose path starts with this prefix (e.g. {@code /v2/users}). */
    public Fault onPath(String prefix) {
        return new Fault(kind, status, retryAfterSeconds, delay, times, fraction, prefix, method);
    }

    /** Matches only calls with this HTTP method. */
    public Fault onMethod(String m) {
        return new Fault(kind, status, retryAfterSeconds, delay, times, fraction, path,
                m == null ? null : m.toUpperCase(Locale.ROOT));
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    /** -1 when not set. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Duration delayDuration() {
        return delay;
    }

    /** -1 means unlimited. */
    public int times() {
        return times;
    }

    public double fraction() {
        return fraction;
    }

    public String path() {
        return path;
    }

    public String method() {
        return method;
    }

    @Override
    public String toString() {
        return "Fault[" + kind + (kind == Kind.STATUS ? " " + status : "")
                + (kind == Kind.DELAY ? " " + delay.toMillis() + "ms" : "")
                + (retryAfterSeconds >= 0 ? " retryAfter=" + retryAfterSeconds : "")
                + (times > 0 ? " times=" + times : "") + (fraction < 1 ? " fraction=" + fraction : "")
                + (path != null ? " path=" + path : "") + (method != null ? " method=" + method : "") + "]";
    }
}
