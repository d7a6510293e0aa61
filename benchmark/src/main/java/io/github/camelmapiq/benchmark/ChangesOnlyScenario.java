package io.github.camelmapiq.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.CamelContext;

/**
 * What a {@code changesOnly=true} subscription to the whole data set costs: the first poll (every record is new, so
 * every record is delivered as CREATED and remembered) and a second poll after a few changes in Mapiq (some
 * reservations moved to another desk, some deleted), with the size of the state stored after each.
 */
final class ChangesOnlyScenario implements Scenario {

    static final int UPDATED = 10;
    static final int DELETED = 10;
    private static final String URI = ConsumerScenario.URI
                                      + "&changesOnly=true&stateRepository=#benchmarkState&stateKey=benchmark";

    @Override
    public String name() {
        return "changes";
    }

    @Override
    public List<Measurement> run(SimulatorFixture fixture, BenchmarkOptions options) throws Exception {
        List<Measurement> results = new ArrayList<>();
        SizedStateRepository state = new SizedStateRepository();
        CamelContext context = fixture.newCamelContext();
        context.getRegistry().bind("benchmarkState", state);
        fixture.simulator().control().resetCounters();
        try (PolledRoute route = new PolledRoute(context, URI)) {
            Measurement first = MeasuredRun.measure(name(), "first poll (all CREATED)", "records", options.timeout(),
                    route::received, () -> {
                        long records = route.poll();
                        return records + " delivered; " + stateSize(state);
                    }, route::close);
            if (!first.ok()) {
                results.add(first.withNote(ConsumerScenario.progress(fixture.simulator().control(), route)));
                return results;
            }
            results.add(first);
            int changed = change(fixture.simulator().control(), route.firstIds());
            results.add(MeasuredRun.measure(name(), "second poll after " + changed + " changes", "records",
                    options.timeout(), route::received, () -> {
                        long records = route.poll();
                        return records + " delivered (" + changed + " expected); " + stateSize(state);
                    }, route::close));
        }
        return results;
    }

    /** Moves the first reservations to another desk and deletes the next ones; answers how many were changed. */
    private static int change(SimulatorControl control, List<String> ids) {
        int changed = 0;
        for (int i = 0; i < ids.size() && changed < UPDATED + DELETED; i++) {
            String id = ids.get(i);
            if (changed < UPDATED) {
                control.update("workspace-reservations", id, Map.of("deskId", "moved-desk-" + i));
            } else {
                control.delete("workspace-reservations", id);
            }
            changed++;
        }
        return changed;
    }

    private static String stateSize(SizedStateRepository state) {
        return String.format(Locale.ROOT, "state stored %d time(s), %.1f MB, last value written %.3f MB",
                state.stores(), state.totalChars() / (1024.0 * 1024.0), state.lastValueChars() / (1024.0 * 1024.0));
    }
}
