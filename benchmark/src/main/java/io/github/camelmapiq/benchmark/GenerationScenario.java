package io.github.camelmapiq.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.SimulatorControl;

/**
 * The simulator's own cost, the base every other figure stands on (it shares the benchmark's heap): generating the
 * data set (50,000 users give over a million workspace reservations), the heap it keeps, and how fast it answers
 * the first 1,000-record page of a week out of it, asked directly over HTTP (no component involved).
 */
final class GenerationScenario implements Scenario {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "generation";
    }

    /** Starts the fixture's simulator, measuring it. */
    @Override
    public List<Measurement> run(SimulatorFixture fixture, BenchmarkOptions options) throws Exception {
        List<Measurement> results = new ArrayList<>();
        int[] reservations = new int[1];
        Measurement generation = MeasuredRun.measure(name(), "users=" + fixture.users(), "reservations",
                options.timeout(), () -> reservations[0], () -> {
                    fixture.start();
                    SimulatorControl control = fixture.simulator().control();
                    reservations[0] = control.count("workspace-reservations");
                    return String.format(Locale.ROOT, "%,d workdays, %,d parking reservations, %,d check-in events",
                            control.count("workdays"), control.count("parking-reservations"),
                            control.count("checkin-events"));
                });
        long settled = HeapMeter.toMb(HeapMeter.settledHeapUsed());
        results.add(new Measurement(generation.scenario(), generation.variant(), generation.count(),
                generation.unit(), generation.elapsed(), generation.heap(), generation.outcome(),
                generation.note() + String.format(Locale.ROOT, "; heap after GC %,d MB (%,d MB before)", settled,
                        generation.heap().baselineMb())));
        if (generation.ok()) {
            results.add(firstPageOfAWeek(fixture.simulator(), options));
        }
        return results;
    }

    private Measurement firstPageOfAWeek(MapiqSimulator simulator, BenchmarkOptions options) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int[] records = new int[1];
        return MeasuredRun.measure(name(), "simulator: first 1000-record page of a week (direct HTTP)", "records",
                options.timeout(), () -> records[0], () -> {
                    String token = token(http, simulator);
                    LocalDate today = LocalDate.now(ZoneOffset.UTC);
                    HttpRequest page = HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                                                                          + "/v2/reservations/workspaces?startDate="
                                                                          + today + "&endDate=" + today.plusDays(6)
                                                                          + "&pageSize=1000"))
                            .header("Authorization", "Bearer " + token).GET().build();
                    HttpResponse<String> answer = http.send(page, HttpResponse.BodyHandlers.ofString());
                    JsonNode json = JSON.readTree(answer.body());
                    records[0] = json.path("items").size();
                    return "HTTP " + answer.statusCode() + ", continuation token "
                           + (json.path("continuationToken").isTextual() ? "present" : "absent")
                           + " (the time includes the token request)";
                });
    }

    private static String token(HttpClient http, MapiqSimulator simulator) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + MapiqSimulator.DEMO_CLIENT_ID + "&client_secret="
                      + MapiqSimulator.DEMO_CLIENT_SECRET + "&scope="
                      + URLEncoder.encode(MapiqSimulator.SCOPE, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("access_token")
                .asText();
    }
}
