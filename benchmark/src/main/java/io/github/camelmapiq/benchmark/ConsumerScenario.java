package io.github.camelmapiq.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.camelmapiq.simulator.SimulatorControl;

/**
 * Consumer throughput and memory: one poll of {@code mapiq:workspace-reservations} over the 61-day window today-30d
 * to today+30d (split by the component into two calls of at most 31 days), 1,000 records per page, every record of the
 * data set (about a million with 50,000 users) counted by a processor. Once with the default body (model objects)
 * and once with {@code outputFormat=json}; both with {@code splitResult=true}, one exchange per record. A poll of
 * one week comes first, to give a figure for a size that fits the heap when the whole window does not.
 */
final class ConsumerScenario implements Scenario {

    /** The window of the whole data set; {@code %2B} is '+', as Camel decodes a '+' in a URI to a space. */
    static final String WINDOW = "startDate=today-30d&endDate=today%2B30d&timeZone=UTC&pageSize=1000";
    static final String URI = "mapiq:workspace-reservations?" + WINDOW;
    /** A week: about 118,000 records with 50,000 users. */
    static final String WEEK_URI = "mapiq:workspace-reservations?startDate=today&endDate=today%2B6d&timeZone=UTC"
                                   + "&pageSize=1000";

    @Override
    public String name() {
        return "consumer";
    }

    @Override
    public List<Measurement> run(SimulatorFixture fixture, BenchmarkOptions options) throws Exception {
        List<Measurement> results = new ArrayList<>();
        results.add(pollOnce(fixture, options, "7-day window, splitResult=true, pojo", WEEK_URI));
        results.add(pollOnce(fixture, options, "61-day window, splitResult=true, pojo", URI));
        if (!results.get(results.size() - 1).ok()) {
            fixture.restart(); // the simulator shares the heap: it may have lost a thread to the shortage
        }
        results.add(pollOnce(fixture, options, "61-day window, splitResult=true, json", URI + "&outputFormat=json"));
        return results;
    }

    private Measurement pollOnce(SimulatorFixture fixture, BenchmarkOptions options, String variant, String uri)
            throws Exception {
        SimulatorControl control = fixture.simulator().control();
        control.resetCounters();
        try (PolledRoute route = new PolledRoute(fixture.newCamelContext(), uri)) {
            Measurement m = MeasuredRun.measure(name(), variant, "records", options.timeout(), route::received, () -> {
                long records = route.poll();
                return "one poll, " + records + " of " + route.batchSize() + " records of the poll received";
            }, route::close);
            return m.ok() ? m : m.withNote(progress(control, route));
        }
    }

    /** How far a poll that did not finish got: pages the simulator served, records the route received. */
    static String progress(SimulatorControl control, PolledRoute route) {
        long pages = control.calls("GET", "/v2/reservations/workspaces");
        return String.format(Locale.ROOT, "%,d pages of up to 1,000 records had been fetched, %,d records delivered "
                                          + "to the route", pages, route.received());
    }
}
