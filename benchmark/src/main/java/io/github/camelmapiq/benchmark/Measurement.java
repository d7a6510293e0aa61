package io.github.camelmapiq.benchmark;

import java.time.Duration;

/**
 * One line of the results: how many things (records, calls, readings) a scenario variant handled, in how long, what
 * the heap did, and whether it finished.
 *
 * @param outcome {@code OK}, or what went wrong ({@code OUT OF MEMORY}, {@code TIMEOUT}, {@code FAILED}, ...)
 */
record Measurement(String scenario, String variant, long count, String unit, Duration elapsed,
        HeapMeter.HeapUse heap, String outcome, String note) {

    static final String OK = "OK";

    double perSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : count / seconds;
    }

    /** This measurement, marked FAILED with the reason unless {@code condition} holds (an OK run that was wrong). */
    Measurement failedUnless(boolean condition, String reason) {
        return condition || !ok() ? this
                : new Measurement(scenario, variant, count, unit, elapsed, heap, "FAILED: " + reason, note);
    }

    /** This measurement with more said in its note. */
    Measurement withNote(String more) {
        return new Measurement(scenario, variant, count, unit, elapsed, heap, outcome,
                note == null || note.isEmpty() ? more : note + "; " + more);
    }

    boolean ok() {
        return OK.equals(outcome);
    }
}
