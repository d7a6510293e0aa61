package io.github.camelmapiq.benchmark;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Producer throughput: {@code operation=list} of a week of workspace reservations (one exchange answering every
 * record of the week), {@code operation=create} of check-in events from several threads (Mapiq's per-user throttle
 * switched off in the simulator), and {@code operation=ingest} of a batch of occupancy readings in one exchange.
 */
final class ProducerScenario implements Scenario {

    static final String LIST_WEEK = "mapiq:workspace-reservations?operation=list&startDate=today&endDate=today%2B6d"
                                    + "&timeZone=UTC&pageSize=1000";

    @Override
    public String name() {
        return "producer";
    }

    @Override
    public List<Measurement> run(SimulatorFixture fixture, BenchmarkOptions options) throws Exception {
        List<Measurement> results = new ArrayList<>();
        SimulatorControl control = fixture.simulator().control();
        CamelContext context = fixture.newCamelContext();
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            template.request(LIST_WEEK.replace("today%2B6d", "today"), null); // warm-up: one day
            results.add(listWeek(template, options));
            control.setCheckinThrottle(Duration.ZERO);
            control.resetCounters();
            results.add(createCheckins(template, control, options));
            control.resetCounters();
            results.add(ingest(template, control, options));
        } finally {
            context.stop();
        }
        return results;
    }

    private Measurement listWeek(ProducerTemplate template, BenchmarkOptions options) {
        AtomicLong records = new AtomicLong();
        return MeasuredRun.measure(name(), "operation=list, a week (pojo)", "records", options.timeout(),
                records::get, () -> {
                    Exchange answer = template.request(LIST_WEEK, null);
                    if (answer.getException() != null) {
                        throw answer.getException();
                    }
                    records.set(answer.getMessage().getBody(List.class).size());
                    return "one exchange, body a List of " + records.get() + " records held at once (by design)";
                });
    }

    private Measurement createCheckins(ProducerTemplate template, SimulatorControl control, BenchmarkOptions options) {
        List<Map<String, Object>> events = checkinEvents(control, options.checkins());
        ConcurrentCalls calls = new ConcurrentCalls();
        return MeasuredRun.measure(name(), "operation=create check-ins, " + options.threads() + " threads", "posts",
                options.timeout(), calls::succeeded, () -> {
                    calls.run(events.size(), options.threads(),
                            i -> template.requestBody("mapiq:checkin-events?operation=create", events.get(i)));
                    return control.postedCheckins().size() + " stored by the simulator" + calls.errors();
                }).failedUnless(calls.failed() == 0, calls.failed() + " posts failed");
    }

    private Measurement ingest(ProducerTemplate template, SimulatorControl control, BenchmarkOptions options) {
        List<Map<String, Object>> readings = occupancyReadings(options.readings());
        AtomicLong ingested = new AtomicLong();
        return MeasuredRun.measure(name(), "operation=ingest, one batch, chunks of 500", "readings",
                options.timeout(), ingested::get, () -> {
                    Exchange answer = template.request("mapiq:occupancy", e -> e.getMessage().setBody(readings));
                    if (answer.getException() != null) {
                        throw answer.getException();
                    }
                    ingested.set(answer.getMessage().getHeader(MapiqConstants.RECORD_COUNT, Long.class));
                    return control.ingestedReadings().size() + " accepted by the simulator";
                });
    }

    /** Events for distinct users where possible (as devices would post them), alternating in and out. */
    private static List<Map<String, Object>> checkinEvents(SimulatorControl control, int count) {
        List<Map<String, Object>> users = control.list("users");
        List<Map<String, Object>> buildings = control.list("buildings");
        List<Map<String, Object>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("userId", users.get(i % users.size()).get("id"));
            event.put("buildingId", buildings.get(i % buildings.size()).get("id"));
            event.put("eventType", (i / users.size()) % 2 == 0 ? "AtTheOffice" : "NotAtTheOffice");
            event.put("source", "Wifi");
            events.add(event);
        }
        return events;
    }

    private static List<Map<String, Object>> occupancyReadings(int count) {
        Instant now = Instant.now();
        List<Map<String, Object>> readings = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Map<String, Object> reading = new LinkedHashMap<>();
            reading.put("spaceId", "space-" + (i % 2_000));
            reading.put("timestamp", now.minusSeconds(i).toString());
            reading.put("occupancy", i % 7);
            readings.add(reading);
        }
        return readings;
    }
}
