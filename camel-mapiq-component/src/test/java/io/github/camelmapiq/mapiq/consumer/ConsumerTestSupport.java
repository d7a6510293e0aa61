package io.github.camelmapiq.mapiq.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorConfig;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorControl;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.awaitility.Awaitility.await;

/**
 * A simulator with no demo users (tests add exactly the records they reason about), no rate limit, and Camel contexts
 * whose {@code mapiq} component points at it through property placeholders, as a user would configure it.
 */
@ExtendWith(MapiqSimulatorExtension.class)
@MapiqSimulatorConfig(users = 0, rateLimitPerSecond = 0)
abstract class ConsumerTestSupport {

    /** Options every consumer URI of the tests carries: poll fast. */
    static final String FAST = "delay=100&initialDelay=0";

    protected MapiqSimulator sim;
    protected SimulatorControl control;
    private final List<CamelContext> contexts = new ArrayList<>();

    @BeforeEach
    void connectSimulator(MapiqSimulator simulator) {
        this.sim = simulator;
        this.control = simulator.control();
        control.clearFaults();
    }

    @AfterEach
    void stopContexts() {
        contexts.forEach(CamelContext::stop);
    }

    /** The placeholders a route file uses to reach the simulator. */
    Properties simulatorProperties() {
        Properties p = new Properties();
        p.setProperty("mapiq.baseUrl", sim.baseUrl());
        p.setProperty("mapiq.tokenUrl", sim.tokenUrl());
        p.setProperty("mapiq.clientId", MapiqSimulator.DEMO_CLIENT_ID);
        p.setProperty("mapiq.clientSecret", MapiqSimulator.DEMO_CLIENT_SECRET);
        return p;
    }

    /**
     * A context (not started) whose mapiq component points at the simulator with the demo client; the same values are
     * also available as placeholders for route files.
     */
    CamelContext newContext() {
        CamelContext context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(simulatorProperties());
        MapiqComponent component = new MapiqComponent();
        component.getConfiguration().setBaseUrl(sim.baseUrl());
        component.getConfiguration().setTokenUrl(sim.tokenUrl());
        component.getConfiguration().setClientId(MapiqSimulator.DEMO_CLIENT_ID);
        component.getConfiguration().setClientSecret(MapiqSimulator.DEMO_CLIENT_SECRET);
        component.getConfiguration().setRetryInitialDelay(10);
        context.addComponent("mapiq", component);
        contexts.add(context);
        return context;
    }

    /** Starts a context with one route {@code from(uri)} through {@code step} into {@code recorder}. */
    CamelContext start(String uri, Processor step, Recorder recorder) throws Exception {
        CamelContext context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("poll").process(step).process(recorder);
            }
        });
        context.start();
        return context;
    }

    CamelContext start(String uri, Recorder recorder) throws Exception {
        return start(uri, exchange -> {
        }, recorder);
    }

    static ConditionFactory eventually() {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20));
    }

    /** Waits until the consumer has polled at least {@code polls} more times (seen as list calls on {@code path}). */
    void awaitPolls(String path, int polls) {
        long start = control.calls("GET", path);
        eventually().until(() -> control.calls("GET", path) >= start + polls);
    }

    // ------------------------------------------------------------------ data helpers

    Map<String, Object> addUser(String firstName) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", UUID.randomUUID().toString());
        user.put("email", firstName.toLowerCase() + "@example.com");
        user.put("firstName", firstName);
        user.put("lastName", "Tester");
        return control.add("users", user);
    }

    /** Ids of every record of a resource now in the simulator (other tests of the class may have added some). */
    List<String> allIds(String resource) {
        return control.list(resource).stream().map(ConsumerTestSupport::id).toList();
    }

    /** {@code "CREATED id"} for every record of a resource now in the simulator: what a first changesOnly poll sends. */
    List<String> allCreated(String resource) {
        return allIds(resource).stream().map(id -> "CREATED " + id).toList();
    }

    static String id(Map<String, Object> record) {
        return (String) record.get("id");
    }

    /** Collects copies of every exchange reaching it. */
    /** Adds {@code count} users named {@code name} and a number; the ids of every user. */
    List<String> usersWith(int count, String name) {
        for (int i = 0; i < count; i++) {
            addUser(name + i);
        }
        return allIds("users");
    }

    /** The consumer of {@code route}, suspended once its poll in progress has ended, so that its figures hold still. */
    static MapiqPollingConsumer betweenPolls(CamelContext context, String route) throws Exception {
        MapiqPollingConsumer consumer = (MapiqPollingConsumer) context.getRoute(route).getConsumer();
        consumer.suspend();
        eventually().until(() -> !consumer.isPolling());
        return consumer;
    }

    /** An exception handler (option {@code exceptionHandler}) that collects what it is handed in {@code failures}. */
    static org.apache.camel.spi.ExceptionHandler recording(List<Throwable> failures) {
        return new org.apache.camel.spi.ExceptionHandler() {
            @Override
            public void handleException(Throwable exception) {
                failures.add(exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                failures.add(exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                failures.add(exception);
            }
        };
    }

    static final class Recorder implements Processor {
        final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

        @Override
        public void process(Exchange exchange) {
            exchanges.add(exchange.copy());
        }

        int size() {
            return exchanges.size();
        }

        List<String> ids() {
            return exchanges.stream().map(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID, String.class))
                    .toList();
        }

        /** {@code "TYPE id"} per exchange, in arrival order. */
        List<String> changes() {
            return exchanges.stream()
                    .map(e -> e.getMessage().getHeader(MapiqConstants.CHANGE_TYPE, MapiqChangeType.class) + " "
                              + e.getMessage().getHeader(MapiqConstants.RECORD_ID, String.class))
                    .toList();
        }

        List<String> changesFrom(int index) {
            List<String> all = changes();
            return all.subList(Math.min(index, all.size()), all.size());
        }

        void clear() {
            exchanges.clear();
        }
    }
}
