package io.github.camelmapiq.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the results: a client in a case, the counts and times of its measured rounds, and how it ended. The
 * figure is the median of the measured rounds. A round that handled another number of records than the simulator
 * holds makes the line FAILED: a fast wrong answer is no result.
 *
 * @param group    the case ({@code week}, {@code million}, {@code changes}, {@code calls})
 * @param client   what was measured, as the table shows it
 * @param heap     the JVM it ran in, e.g. {@code -Xmx256m}
 * @param unit     {@code records} or {@code calls}
 * @param counts   what each measured round handled
 * @param nanos    how long each measured round took
 * @param expected what each round had to handle, or -1 if unknown
 * @param outcome  {@link #OK} or what went wrong
 * @param note     more about the outcome (or empty)
 * @param tokens   token requests the simulator saw during the measured rounds, or -1 if not counted
 * @param written  rows each measured round wrote to the state's records table, where they were counted (else empty)
 */
record Figure(String group, String client, String heap, String unit, List<Long> counts, List<Long> nanos,
        long expected, String outcome, String note, long tokens, List<Long> written) {

    static final String OK = "OK";
    static final String TIMEOUT = "TIMEOUT";
    static final String OUT_OF_MEMORY = "OUT OF MEMORY";
    static final String FAILED = "FAILED";
    static final String NOT_RUN = "NOT RUN";
    /** Not measured because what it needs is not on this machine (PostgreSQL's server binaries): no verdict. */
    static final String SKIPPED = "SKIPPED";

    boolean ok() {
        return OK.equals(outcome);
    }

    /** The count of the measured rounds (they agree when the figure is OK); 0 without a measured round. */
    long count() {
        return counts.isEmpty() ? 0 : counts.get(counts.size() - 1);
    }

    /** The median time of the measured rounds. */
    Duration medianTime() {
        return Rounds.nanos(Rounds.median(nanos));
    }

    /** The median of the measured rounds' rates, per second; 0 without a measured round. */
    double rate() {
        List<Long> milliRates = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            milliRates.add(nanos.get(i) <= 0 ? 0 : Math.round(counts.get(i) * 1e12 / nanos.get(i)));
        }
        return Rounds.median(milliRates) / 1000.0;
    }

    /** Each measured round's rate, per second, in the order the rounds ran. */
    List<Double> rates() {
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            rates.add(nanos.get(i) <= 0 ? 0 : counts.get(i) * 1e9 / nanos.get(i));
        }
        return rates;
    }

    /** This figure with its token requests counted. */
    Figure withTokens(long tokenRequests) {
        return new Figure(group, client, heap, unit, counts, nanos, expected, outcome, note, tokenRequests, written);
    }

    /** This figure with another note. */
    Figure withNote(String otherNote) {
        return new Figure(group, client, heap, unit, counts, nanos, expected, outcome, otherNote, tokens, written);
    }

    /** This figure, FAILED with the reason unless {@code condition} holds (an OK run that was wrong). */
    Figure failedUnless(boolean condition, String reason) {
        return condition || !ok() ? this
                : new Figure(group, client, heap, unit, counts, nanos, expected, FAILED, join(note, reason), tokens,
                        written);
    }

    private static String join(String a, String b) {
        return a == null || a.isEmpty() ? b : a + "; " + b;
    }

    static Builder of(String group, String client, String heap, String unit) {
        return new Builder(group, client, heap, unit);
    }

    /** Collects the rounds of a figure as they are measured. */
    static final class Builder {
        private final String group;
        private final String client;
        private final String heap;
        private final String unit;
        private final List<Long> counts = new ArrayList<>();
        private final List<Long> nanos = new ArrayList<>();
        private final List<Long> written = new ArrayList<>();
        private long expected = -1;
        private String mismatch;
        private int warmups;

        private Builder(String group, String client, String heap, String unit) {
            this.group = group;
            this.client = client;
            this.heap = heap;
            this.unit = unit;
        }

        /** Every round, warm-up included, must handle exactly this many. */
        Builder expect(long count) {
            this.expected = count;
            return this;
        }

        Builder round(boolean warmup, long count, long elapsedNanos) {
            if (expected >= 0 && count != expected && mismatch == null) {
                mismatch = (warmup ? "warm-up round" : "round " + (counts.size() + 1)) + " handled " + count + " "
                           + unit + ", expected " + expected;
            }
            if (warmup) {
                warmups++;
            } else {
                counts.add(count);
                nanos.add(elapsedNanos);
            }
            return this;
        }

        /** The rows a round wrote to the state's records table (kept for measured rounds only). */
        Builder written(boolean warmup, long rows) {
            if (!warmup) {
                written.add(rows);
            }
            return this;
        }

        String client() {
            return client;
        }

        String unit() {
            return unit;
        }

        /** The figure of rounds that all completed: OK, or FAILED if a round handled a wrong count. */
        Figure build() {
            return new Figure(group, client, heap, unit, List.copyOf(counts), List.copyOf(nanos), expected,
                    mismatch == null ? OK : FAILED, mismatch == null ? "" : mismatch, -1, List.copyOf(written));
        }

        boolean started() {
            return warmups + counts.size() > 0;
        }

        /** A figure that was not measured at all. */
        Figure notRun(String reason) {
            return new Figure(group, client, heap, unit, List.of(), List.of(), expected, NOT_RUN, reason, -1,
                    List.of());
        }

        /** A figure not measured because this machine lacks what it needs. */
        Figure skipped(String reason) {
            return new Figure(group, client, heap, unit, List.of(), List.of(), expected, SKIPPED, reason, -1,
                    List.of());
        }

        /** The figure so far, cut short with this outcome: the note says how many rounds completed before. */
        Figure outcome(String outcome, String note) {
            String done = (warmups > 0 ? warmups + " warm-up + " : "") + counts.size() + " measured round(s)"
                          + " completed before";
            return new Figure(group, client, heap, unit, List.copyOf(counts), List.copyOf(nanos), expected, outcome,
                    join(note, done), -1, List.copyOf(written));
        }
    }
}
