package io.github.camelmapiq.mapiq.hostile;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code callTimeout} bounds the whole call, the access token included: a token endpoint that trickles its answer a
 * byte every two seconds (each byte resetting {@code readTimeout}) fails a call with {@code callTimeout=5000} in about
 * five seconds, and bounds the token health check the same way. A stop ends what is in flight: Camel stopping aborts a
 * token request, and a consumer whose route stops (as {@code master:} stops it when leadership is lost) cuts off the
 * page it is reading instead of reading on for up to {@code callTimeout}.
 */
class CallTimeoutCoversTheTokenTest {

    private HostileServer mapiq;

    @BeforeEach
    void start() throws Exception {
        mapiq = new HostileServer();
    }

    @AfterEach
    void stop() {
        mapiq.close();
    }

    /** A token answer that takes two minutes: one byte every two seconds. */
    private static void trickle(com.sun.net.httpserver.HttpExchange exchange) throws Exception {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 60; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(2000);
            }
        }
    }

    @Test
    void aTricklingTokenEndpointFailsTheCallAtItsCallTimeout() throws Exception {
        mapiq.on("/token", CallTimeoutCoversTheTokenTest::trickle);
        try (DefaultCamelContext context = context("&callTimeout=5000")) {
            long started = System.nanoTime();
            Exchange answer = context.createProducerTemplate().send("direct:list", e -> e.getMessage().setBody(""));
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(answer.getException()).isInstanceOf(MapiqResponseException.class)
                    .hasMessage("Mapiq API GET /v2/users did not complete within callTimeout (5000 ms, waiting for "
                                + "the access token)");
            assertThat(took).as("ended at its deadline, not when the trickle would end (2 min)")
                    .isBetween(4_500L, 30_000L);
        }
    }

    @Test
    void theTokenHealthCheckIsBoundedByCallTimeout() throws Exception {
        mapiq.on("/token", CallTimeoutCoversTheTokenTest::trickle);
        try (DefaultCamelContext context = context("")) {
            context.getComponent("mapiq", MapiqComponent.class).getConfiguration().setCallTimeout(3000);
            long started = System.nanoTime();
            HealthCheck.Result result = HealthCheckHelper.invokeReadiness(context, "full").stream()
                    .filter(r -> r.getCheck().getId().equals("component:mapiq:token")).findFirst().orElseThrow();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage()).hasValueSatisfying(m -> assertThat(m).contains("within callTimeout (3000 ms"));
            assertThat(took).isBetween(2_500L, 30_000L);
        }
    }

    @Test
    void stoppingCamelAbortsATokenRequestInFlight() throws Exception {
        mapiq.on("/token", CallTimeoutCoversTheTokenTest::trickle);
        DefaultCamelContext context = context("&callTimeout=300000");
        CompletableFuture<Exchange> call = context.createProducerTemplate()
                .asyncSend("direct:list", e -> e.getMessage().setBody(""));
        await().atMost(Duration.ofSeconds(30)).until(() -> mapiq.requests("/token").size() == 1);

        long started = System.nanoTime();
        context.stop();
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(call.get(30, TimeUnit.SECONDS).getException()).isInstanceOf(MapiqCallAbortedException.class);
        assertThat(took).as("the stop did not wait for the token answer").isLessThan(20_000L);
    }

    @Test
    void aConsumerWhoseRouteStopsCutsOffThePageItIsReading() throws Exception {
        consumerStopsWhileReadingAPage(context -> context.getRouteController().stopRoute("leader"));
    }

    /** What {@code master:} does when leadership is lost: it stops the route's consumer. */
    @Test
    void aConsumerThatLosesLeadershipCutsOffThePageItIsReading() throws Exception {
        consumerStopsWhileReadingAPage(context -> context.getRoute("leader").getConsumer().stop());
    }

    @FunctionalInterface
    private interface Stop {
        void stop(DefaultCamelContext context) throws Exception;
    }

    private void consumerStopsWhileReadingAPage(Stop how) throws Exception {
        AtomicBoolean cutOff = new AtomicBoolean();
        mapiq.withToken("good-token-91aa").on("/v2/users", ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("{\"items\":[".getBytes());
                for (int i = 0; i < 300; i++) {
                    out.write(("{\"id\":\"u-" + i + "\"},").getBytes());
                    out.flush();
                    Thread.sleep(1000);
                }
            } catch (java.io.IOException closed) {
                cutOff.set(true);
                throw closed;
            }
        });
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mapiq:users?initialDelay=0&callTimeout=300000" + mapiq.options("poll-secret-0c3d"))
                            .routeId("leader").to("log:users?level=OFF");
                }
            });
            context.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> mapiq.requests("/v2/users").size() == 1);
            long started = System.nanoTime();
            how.stop(context);
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(took).as("the stop did not wait for the page").isLessThan(20_000L);
            await().atMost(Duration.ofSeconds(20)).untilTrue(cutOff); // the client closed the connection: no reading on
        }
    }

    private DefaultCamelContext context(String options) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list").to("mapiq:users?operation=list&maxRetries=0" + mapiq.options("timeout-secret-77d2")
                                       + options);
            }
        });
        context.start();
        return context;
    }
}
