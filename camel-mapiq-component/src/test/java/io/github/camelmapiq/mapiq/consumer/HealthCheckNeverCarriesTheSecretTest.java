package io.github.camelmapiq.mapiq.consumer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.sun.net.httpserver.HttpServer;
import io.github.camelmapiq.mapiq.CapturedLogs;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway in front of Mapiq that echoes the client secret in its error answer does not put the secret in the
 * consumer's readiness: neither in the message nor in the error attached to the result (whose messages, cause chain
 * and stack trace a health endpoint or console may print), which keeps the original error's class and status.
 */
class HealthCheckNeverCarriesTheSecretTest extends ConsumerTestSupport {

    @Test
    void anErrorQuotingTheSecretIsMaskedInTheMessageAndTheAttachedError() throws Exception {
        String secret = MapiqSimulator.DEMO_CLIENT_SECRET;
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", exchange -> {
            byte[] body = ("{\"status\":502,\"title\":\"Bad Gateway\",\"detail\":\"upstream refused client_secret="
                           + secret + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(502, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        gateway.start();
        // captured, not printed: the poll failure's WARN quotes the gateway's answer as it came
        try (CapturedLogs quiet = new CapturedLogs()) {
            CamelContext context = newContext();
            HealthCheckRegistry registry = HealthCheckRegistry.get(context);
            registry.register(registry.resolveById("consumers"));
            MapiqComponent component = context.getComponent("mapiq", MapiqComponent.class);
            component.getConfiguration().setBaseUrl("http://127.0.0.1:" + gateway.getAddress().getPort());
            component.getConfiguration().setMaxRetries(0);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mapiq:users?" + FAST).routeId("poll").to("log:never?level=OFF");
                }
            });
            context.start();

            eventually().until(() -> readiness(context).flatMap(HealthCheck.Result::getError).isPresent());
            HealthCheck.Result result = readiness(context).orElseThrow();
            Throwable error = result.getError().orElseThrow();
            StringWriter printed = new StringWriter();
            error.printStackTrace(new PrintWriter(printed));

            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getMessage().orElseThrow()).contains("502").contains("client_secret=******")
                    .doesNotContain(secret);
            assertThat(printed.toString()).contains("MapiqApiException").contains("502")
                    .contains("client_secret=******").doesNotContain(secret);
            assertThat(result.getDetails().values()).noneMatch(v -> String.valueOf(v).contains(secret));
        } finally {
            gateway.stop(0);
        }
    }

    private static Optional<HealthCheck.Result> readiness(CamelContext context) {
        return HealthCheckHelper.invokeReadiness(context).stream()
                .filter(r -> r.getCheck().getId().equals("consumer:poll"))
                .findFirst();
    }
}
