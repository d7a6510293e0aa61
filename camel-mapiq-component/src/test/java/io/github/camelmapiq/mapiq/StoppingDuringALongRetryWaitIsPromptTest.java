package io.github.camelmapiq.mapiq;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Stopping Camel while a consumer or a producer waits out a long {@code Retry-After} (or a slow answer) does not keep
 * the application alive for the rest of the wait: the waiting threads are released and none is left sleeping in the
 * component. The guard timeouts only catch a hang, and leave room for a slow machine (a busy CI runner, a
 * faked clock); the waits they cut short are five minutes long.
 */
class StoppingDuringALongRetryWaitIsPromptTest {

    @RegisterExtension
    static MapiqSimulatorExtension extension = MapiqSimulatorExtension.builder().users(5).rateLimitPerSecond(0).build();

    private static final Duration GUARD = Duration.ofSeconds(90);

    private MapiqSimulator sim;
    private DefaultCamelContext context;

    @BeforeEach
    void setUp() {
        sim = extension.simulator();
        sim.control().clearFaults();
        sim.control().resetCounters();
        context = new DefaultCamelContext();
        MapiqComponent component = MapiqTestSupport.component(sim);
        component.getConfiguration().setMaxRetryWait(Duration.ofMinutes(10).toMillis());
        component.getConfiguration().setReadTimeout(Duration.ofMinutes(10).toMillis());
        component.getConfiguration().setCallTimeout(Duration.ofMinutes(10).toMillis()); // longer than the waits
        context.addComponent("mapiq", component);
    }

    @AfterEach
    void tearDown() {
        sim.control().clearFaults();
        context.stop();
    }

    @Test
    void aConsumerWaitingOutRetryAfterStopsPromptly() throws Exception {
        sim.control().injectFault(Fault.status(503).retryAfterSeconds(300).onPath("/v2/users"));
        context.addRoutes(route("mapiq:users?initialDelay=0&delay=100"));
        context.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> sim.control().calls("GET", "/v2/users", 503) > 0);

        stopQuietly();
    }

    @Test
    void aProducerWaitingOutRetryAfterStopsPromptly() throws Exception {
        sim.control().injectFault(Fault.status(503).retryAfterSeconds(300).onPath("/v2/users"));
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:lookups").to("mapiq:raw?method=GET&path=/v2/users");
            }
        });
        context.start();
        context.createProducerTemplate().sendBody("seda:lookups", null);
        await().atMost(Duration.ofMinutes(1)).until(() -> sim.control().calls("GET", "/v2/users", 503) > 0);

        assertTimeoutPreemptively(GUARD, context::stop);
        assertThat(threadsInTheComponent()).isEmpty();
    }

    @Test
    void aConsumerWaitingForASlowAnswerStopsPromptly() throws Exception {
        sim.control().injectFault(Fault.delay(Duration.ofMinutes(5)).onPath("/v2/users"));
        context.addRoutes(route("mapiq:users?initialDelay=0&delay=100"));
        context.start();
        // reading the answer, not merely on its way to the call (a busy machine may be anywhere before it)
        await().atMost(Duration.ofMinutes(1)).until(() -> !threadsReadingAnAnswer().isEmpty());

        stopQuietly();
    }

    /**
     * A poll whose call is on its way when the stop begins (waiting for its token, which comes only afterwards) is cut
     * short as soon as it sends its request, rather than left waiting for the slow answer.
     */
    @Test
    void aPollThatGetsItsTokenAfterTheStopBeganStopsPromptly() throws Exception {
        sim.control().injectFault(Fault.delay(Duration.ofMinutes(5)).onPath("/v2/users"));
        sim.control().injectFault(Fault.delay(Duration.ofSeconds(10)).onPath(URI.create(sim.tokenUrl()).getPath()));
        context.addRoutes(route("mapiq:users?initialDelay=0&delay=100"));
        context.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> !threadsWaitingForAToken().isEmpty());

        stopQuietly();
        assertThat(sim.control().calls("GET", "/v2/users", 200)).isZero();
    }

    /**
     * Graceful shutdown still completes the exchanges in flight: a check-in that reaches the producer after the stop
     * began is posted, not abandoned (only retry waits and reads are cut short).
     */
    @Test
    void anExchangeInFlightWhenTheStopBeginsIsStillPosted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("seda:gate").process(e -> {
                    entered.countDown();
                    release.await();
                }).to("mapiq:checkin-events?operation=create");
            }
        });
        context.start();
        Map<String, Object> user = sim.control().list("users").get(0);
        Map<String, Object> building = sim.control().list("buildings").get(0);
        context.createProducerTemplate().sendBodyAndHeaders("seda:gate", null, Map.of(
                MapiqConstants.USER_ID, user.get("id"), MapiqConstants.BUILDING_ID, building.get("id"),
                MapiqConstants.EVENT_TYPE, "AtTheOffice", MapiqConstants.SOURCE, "AccessGate"));
        entered.await();

        Thread stopper = new Thread(context::stop);
        stopper.start();
        await().atMost(Duration.ofMinutes(1)).until(context::isStopping);
        release.countDown();
        stopper.join(GUARD.toMillis());

        assertThat(sim.control().postedCheckins()).hasSize(1);
    }

    /** Stops without a hang, leaves no thread in the component, and logs no abandoned poll as a failure. */
    private void stopQuietly() {
        try (CapturedLogs logs = new CapturedLogs()) {
            assertTimeoutPreemptively(GUARD, context::stop);
            assertThat(threadsInTheComponent()).isEmpty();
            assertThat(logs.lines("WARN", "")).as("a poll abandoned by the stop is no failure").isEmpty();
            assertThat(logs.lines("ERROR", "")).isEmpty();
        }
    }

    private static RouteBuilder route(String uri) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").to("log:polled?level=DEBUG");
            }
        };
    }

    /** Live threads of the component's HTTP client blocked in a read of their socket. */
    private static List<String> threadsReadingAnAnswer() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && inTheComponent(e.getValue()) && e.getValue().length > 0
                             && Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().startsWith("read")
                                     && (f.getClassName().startsWith("sun.nio.ch.")
                                         || f.getClassName().startsWith("java.net."))))
                .map(Map.Entry::getKey).map(Thread::getName).toList();
    }

    /** Live threads of the component blocked in a read of the answer to a token request. */
    private static List<String> threadsWaitingForAToken() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && threadsReadingAnAnswer().contains(e.getKey().getName())
                             && Arrays.stream(e.getValue()).anyMatch(
                                     f -> f.getClassName().startsWith("io.github.camelmapiq.mapiq.client.auth.")))
                .map(Map.Entry::getKey).map(Thread::getName).toList();
    }

    private static boolean inTheComponent(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("io.github.camelmapiq.mapiq.client.http."));
    }

    /**
     * Live threads whose stack passes through the component's HTTP client (waiting, reading or sleeping); the JVM's one
     * deadline watchdog (a daemon that sleeps while no call is in flight) aside.
     */
    private static List<String> threadsInTheComponent() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().isAlive() && !e.getKey().getName().equals("mapiq-call-deadline")
                             && Arrays.stream(e.getValue())
                        .anyMatch(f -> f.getClassName().startsWith("io.github.camelmapiq.mapiq.client.http.")))
                .map(Map.Entry::getKey).map(Thread::getName).toList();
    }
}
