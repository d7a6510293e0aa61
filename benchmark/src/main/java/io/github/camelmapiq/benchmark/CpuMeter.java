package io.github.camelmapiq.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * CPU time spent during a round: by this JVM (the clients) and by the simulator's JVM. On a machine whose cores the
 * clients and the simulator share, a client's rate is bounded by the CPU both sides spend per call, so these two
 * figures tell what a client costs independently of how busy the machine happened to be. Either reads -1 where the
 * platform does not tell.
 */
final class CpuMeter {

    private final ProcessHandle simulator;

    CpuMeter(long simulatorPid) {
        this.simulator = ProcessHandle.of(simulatorPid).orElse(null);
    }

    /** The CPU times now: this JVM's and the simulator's, in nanoseconds. */
    Reading read() {
        return new Reading(ownCpu(), simulatorCpu());
    }

    private static long ownCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private long simulatorCpu() {
        if (simulator == null) {
            return -1;
        }
        Optional<Duration> cpu = simulator.info().totalCpuDuration();
        return cpu.map(Duration::toNanos).orElse(-1L);
    }

    /** CPU times, in nanoseconds: at one moment, or spent between two (-1 where unknown). */
    record Reading(long own, long simulator) {

        /** What was spent between {@code start} and this reading. */
        Reading minus(Reading start) {
            return new Reading(difference(own, start.own), difference(simulator, start.simulator));
        }

        /** Two spans of time spent, together. */
        Reading plus(Reading other) {
            return new Reading(sum(own, other.own), sum(simulator, other.simulator));
        }

        /** What was spent, per unit, in microseconds. */
        Usage perUnit(long units) {
            return new Usage(micros(own, units), micros(simulator, units));
        }

        private static long difference(long end, long begin) {
            return end < 0 || begin < 0 ? -1 : end - begin;
        }

        private static long sum(long a, long b) {
            return a < 0 || b < 0 ? -1 : a + b;
        }

        private static double micros(long nanos, long units) {
            return nanos < 0 || units <= 0 ? -1 : nanos / 1e3 / units;
        }
    }

    /** Microseconds of CPU per unit (record, call): the clients' JVM and the simulator's. */
    record Usage(double client, double simulator) {
    }

    /** "CPU per call: clients 51.0 µs, simulator 46.2 µs" for one round, {@code unit} in the plural. */
    static String describe(Usage usage, String unit) {
        return String.format(Locale.ROOT, "CPU per %s: clients %s, simulator %s", singular(unit), micros(usage.client()),
                micros(usage.simulator()));
    }

    /** The same, of the median of each over the measured rounds ("" without any). */
    static String median(List<Usage> rounds, String unit) {
        if (rounds.isEmpty()) {
            return "";
        }
        return describe(new Usage(median(rounds, Usage::client), median(rounds, Usage::simulator)), unit)
               + " (medians of the measured rounds)";
    }

    private static double median(List<Usage> rounds, ToDoubleFunction<Usage> of) {
        double[] values = rounds.stream().mapToDouble(of).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static String micros(double value) {
        return value < 0 ? "unknown" : value >= 10 ? String.format(Locale.ROOT, "%.0f µs", value)
                : String.format(Locale.ROOT, "%.1f µs", value);
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
