package io.github.camelmapiq.mapiq.producer;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code mapiq:raw} is the escape hatch for Mapiq calls the component does not model, and not all of them answer JSON
 * (an export answers CSV). Such an answer arrives as text with its status, instead of failing as malformed JSON; a
 * path built from headers whose values hold spaces is encoded, not refused. The simulator has no such endpoint, so a loopback server stands in for it, behind the simulator's real token endpoint.
 */
class RawCallsTakeTextAnswersAndPathsAsUsersWriteThemTest {

    private static final String CSV = "spaceId;timestamp;occupancy\ns1;2026-03-02T08:00:00Z;4\n";

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(2).build();

    private static HttpServer api;
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.createContext("/v2/exports", exchange -> {
            requests.add(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestURI().getPath().endsWith(".csv") ? CSV.getBytes(StandardCharsets.UTF_8)
                    : "{\"rows\": oops}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", exchange.getRequestURI().getPath().endsWith(".csv")
                    ? "text/csv; charset=utf-8" : "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        camel = SimulatedCamel.start(sim.simulator());
        camel.context.getComponent("mapiq", io.github.camelmapiq.mapiq.MapiqComponent.class).getConfiguration()
                .setBaseUrl("http://127.0.0.1:" + api.getAddress().getPort());
        camel.loadRoutes("routes/users/producer/raw-export.camel.yaml");
    }

    @AfterAll
    static void stop() {
        camel.close();
        api.stop(0);
    }

    @Test
    void aCsvAnswerArrivesAsTextWithItsStatus() {
        Exchange exchange = camel.send("direct:export", null,
                Map.of("from", "2026-03-02", "building", "HQ"));

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody()).isEqualTo(CSV);
        assertThat(exchange.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(200);
    }

    @Test
    void aPathBuiltFromHeadersWithSpacesIsEncodedNotRefused() {
        Exchange exchange = camel.send("direct:export", null,
                Map.of("from", "2026-03-02", "building", "HQ Amsterdam Zuid"));

        assertThat(exchange.getException()).isNull();
        assertThat(requests).contains("/v2/exports/occupancy.csv?from=2026-03-02&building=HQ%20Amsterdam%20Zuid");
    }

    @Test
    void aPathWithSeveralQueryParametersFitsInTheUriWithRaw() {
        Exchange exchange = camel.send("mapiq:raw?path=RAW(/v2/exports/occupancy.csv?from=2026-03-03&building=B2)", null);

        assertThat(exchange.getException()).isNull();
        assertThat(requests).contains("/v2/exports/occupancy.csv?from=2026-03-03&building=B2");
    }

    @Test
    void aJsonAnswerThatIsBrokenStillFailsAsMalformed() {
        Exchange exchange = camel.send("mapiq:raw?path=/v2/exports/summary", null);

        assertThat(exchange.getException()).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/exports/summary answered malformed JSON");
    }
}
