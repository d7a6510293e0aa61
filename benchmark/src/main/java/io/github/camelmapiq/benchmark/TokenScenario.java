package io.github.camelmapiq.benchmark;

import java.util.List;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

/**
 * Token handling overhead: many small calls ({@code GET /v2/users?pageSize=1} through {@code mapiq:raw}) from many
 * threads of a fresh component, which must share a single token: the simulator must see exactly one token request.
 * Compare the calls/s with the simulator's own throughput for the same request (module README).
 */
final class TokenScenario implements Scenario {

    static final String SMALL_CALL = "/v2/users?pageSize=1";

    @Override
    public String name() {
        return "token";
    }

    @Override
    public List<Measurement> run(SimulatorFixture fixture, BenchmarkOptions options) throws Exception {
        SimulatorControl control = fixture.simulator().control();
        CamelContext context = fixture.newCamelContext();
        context.start();
        try (ProducerTemplate template = context.createProducerTemplate()) {
            control.resetCounters();
            ConcurrentCalls calls = new ConcurrentCalls();
            Measurement m = MeasuredRun.measure(name(), "mapiq:raw GET " + SMALL_CALL + ", " + options.threads()
                                                        + " threads", "calls", options.timeout(),
                    calls::succeeded, () -> {
                        calls.run(options.calls(), options.threads(), i -> template.requestBodyAndHeader(
                                "mapiq:raw?method=GET", null, MapiqConstants.PATH, SMALL_CALL));
                        return "token requests seen by the simulator: " + control.tokenRequests() + calls.errors();
                    });
            long tokens = control.tokenRequests();
            return List.of(m.failedUnless(calls.failed() == 0, calls.failed() + " calls failed")
                    .failedUnless(tokens == 1, tokens + " token requests, expected 1"));
        } finally {
            context.stop();
        }
    }
}
