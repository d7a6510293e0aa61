package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectionTest {

    static MapiqSimulator sim;
    static Api api;

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(5).rateLimitPerSecond(0).start();
        api = new Api(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void clear() {
        sim.control().clearFaults();
    }

    @Test
    void statusFaultAnswersTheNextNCallsThenStops() {
        sim.control().resetCounters();
        sim.control().injectFault(Fault.status(503).retryAfterSeconds(1).times(2));
        Api.Response first = api.get("/v2/users");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isEqualTo("1");
        assertThat(first.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/v2/spaces/buildings").status()).isEqualTo(503);
        assertThat(api.get("/v2/users").status()).isEqualTo(200);
        assertThat(sim.control().calls("GET", "/v2/users", 503)).isEqualTo(1);
    }

    @Test
    void faultWithoutTimesPersistsAndMatchesPathAndMethodOnly() {
        sim.control().injectFault(Fault.status(500).onPath("/v2/users").onMethod("GET"));
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/v2/users").status()).isEqualTo(500);
        }
        assertThat(api.get("/v2/spaces/buildings").status()).isEqualTo(200);
        sim.control().clearFaults();
        assertThat(api.get("/v2/users").status()).isEqualTo(200);
    }

    @Test
    void faultsSpareTheTokenEndpointUnlessTargeted() {
        sim.control().injectFault(Fault.status(503));
        assertThat(api.tokenRequest(TokenEndpointTest.valid()).status()).isEqualTo(200);
        sim.control().clearFaults();
        sim.control().injectFault(Fault.status(429).retryAfterSeconds(2).onPath(MapiqSimulator.TOKEN_PATH).times(1));
        Api.Response r = api.tokenRequest(TokenEndpointTest.valid());
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isEqualTo("2");
        assertThat(api.tokenRequest(TokenEndpointTest.valid()).status()).isEqualTo(200);
    }

    @Test
    void delayFaultSlowsTheAnswer() {
        sim.control().injectFault(Fault.delay(Duration.ofMillis(300)).times(1));
        long t0 = System.nanoTime();
        assertThat(api.get("/v2/users").status()).isEqualTo(200);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void connectionResetDropsTheConnectionWithoutAnswer() {
        // the JDK client silently retries a GET once on a dropped connection, so the fault must persist
        sim.control().resetCounters();
        sim.control().injectFault(Fault.connectionReset().onPath("/v2/users"));
        assertThatThrownBy(() -> api.get("/v2/users")).isInstanceOf(UncheckedIOException.class);
        assertThat(sim.control().calls("GET", "/v2/users", 0)).isPositive();
        sim.control().clearFaults();
        assertThat(api.get("/v2/users").status()).isEqualTo(200);
    }

    @Test
    void truncatedJsonIsACompleteResponseWithHalfTheBody() {
        String whole = api.get("/v2/users").body();
        sim.control().injectFault(Fault.truncatedJson().times(1));
        Api.Response r = api.get("/v2/users");
        assertThat(r.status()).isEqualTo(200);
        assertThat(whole).startsWith(r.body());
        assertThat(r.body().length()).isLessThan(whole.length());
        assertThatThrownBy(r::json).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void malformedJsonIsNotParseable() {
        sim.control().injectFault(Fault.malformedJson().times(1));
        Api.Response r = api.get("/v2/users");
        assertThat(r.status()).isEqualTo(200);
        assertThatThrownBy(r::json).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void fractionFaultHitsRoughlyThatShare() {
        sim.control().injectFault(Fault.status(502).fraction(0.5));
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            if (api.get("/v2/spaces/buildings").status() == 502) {
                failed++;
            }
        }
        assertThat(failed).isBetween(60, 140);
    }

    @Test
    void faultsCanBeInjectedOverHttp() {
        Api control = new Api(sim);
        Api.Response r = control.post("/_simulator/faults", Map.of("kind", "status", "status", 504, "times", 1,
                "path", "/v2/users"));
        assertThat(r.status()).isEqualTo(201);
        assertThat(api.get("/v2/users").status()).isEqualTo(504);
        control.post("/_simulator/faults", Map.of("kind", "delay", "delayMillis", 1, "times", 1));
        assertThat(Api.send(control.authorized("/_simulator/faults").DELETE().build()).status()).isEqualTo(204);
        assertThat(api.get("/v2/users").status()).isEqualTo(200);
    }
}
