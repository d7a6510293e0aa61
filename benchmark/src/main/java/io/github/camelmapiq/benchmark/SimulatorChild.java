package io.github.camelmapiq.benchmark;

import io.github.camelmapiq.simulator.MapiqSimulatorMain;

/**
 * The main class of the simulator's JVM: the simulator's own command line ({@link MapiqSimulatorMain}), which ends
 * with the benchmark's JVM however that ends.
 */
public final class SimulatorChild {

    private SimulatorChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        ParentWatch.exitWhenParentEnds();
        MapiqSimulatorMain.main(args);
    }
}
