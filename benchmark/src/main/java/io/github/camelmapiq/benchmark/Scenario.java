package io.github.camelmapiq.benchmark;

import java.util.List;

/** One measured aspect of the component; it answers a line per variant it measured. */
interface Scenario {

    /** The name used with {@code --scenario}. */
    String name();

    List<Measurement> run(SimulatorFixture fixture, BenchmarkOptions options) throws Exception;
}
