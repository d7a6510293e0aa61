package io.github.camelmapiq.mapiq.v1;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.producer.SimulatedCamel;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the same data and dates, {@code outputFormat=v1} gives field for field what the retired v1 endpoints answer (as
 * the simulator serves them, called with a v1 ROPC token and the API key), so a system fed v1 payloads can be kept.
 */
class V1OutputMatchesSimulatorV1EndpointsTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(25).rateLimitPerSecond(0).build();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static SimulatedCamel camel;
    private static String v1Token;
    private static String from;
    private static String to;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator());
        v1Token = v1Token();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        from = today.minusDays(3).toString();
        to = today.plusDays(3).toString();
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    /** v1's ROPC grant: API key header, username and password. */
    private static String v1Token() throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", MapiqSimulator.V1_CLIENT_ID,
                "scope", MapiqSimulator.V1_SCOPE, "username", MapiqSimulator.V1_USERNAME,
                "password", MapiqSimulator.V1_PASSWORD, "response_type", MapiqSimulator.V1_RESPONSE_TYPE);
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sim.simulator().v1TokenUrl()))
                .header("mapiq-api-key", MapiqSimulator.V1_API_KEY)
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MapiqJson.mapper().readTree(response.body()).get("access_token").asText();
    }

    private static List<JsonNode> v1(String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sim.simulator().baseUrl() + pathAndQuery))
                .header("mapiq-api-key", MapiqSimulator.V1_API_KEY)
                .header("Authorization", "Bearer " + v1Token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> records = new ArrayList<>();
        MapiqJson.mapper().readTree(response.body()).forEach(records::add);
        return records;
    }

    @ParameterizedTest(name = "{0} = mapiq:{1}")
    @CsvSource({
            "/shifts/registrations, workspace-reservations, true",
            "/parkingReservations, parking-reservations, true",
            "/localization/admin/checkin/events, checkin-events, true",
            "/localization/admin/checkin/statuses, checkin-statuses, false",
            "/shifts/users, users, false",
            "/shifts/buildings, buildings, false",
            "/parkinglots, parking-lots, false" })
    void v1RenderingAgreesFieldForFieldWithTheV1Endpoint(String v1Path, String resource, boolean dated)
            throws Exception {
        String window = dated ? "startDate=" + from + "&endDate=" + to : "";
        List<JsonNode> expected = v1(v1Path + (dated ? "?" + window : ""));

        Exchange exchange = camel.send("mapiq:" + resource + "?operation=list&outputFormat=v1" + (dated ? "&" + window : ""),
                null);

        assertThat(exchange.getException()).isNull();
        List<JsonNode> actual = new ArrayList<>();
        MapiqJson.mapper().readTree(exchange.getMessage().getBody(String.class)).forEach(actual::add);
        assertThat(expected).isNotEmpty();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }
}
