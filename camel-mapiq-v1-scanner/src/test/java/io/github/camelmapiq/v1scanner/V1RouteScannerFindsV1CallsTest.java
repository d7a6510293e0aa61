package io.github.camelmapiq.v1scanner;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The scanner finds each v1 call of YAML, XML and Java routes, with its line, method and replacement. */
class V1RouteScannerFindsV1CallsTest {

    private static final Path ROUTES = Path.of("src/test/resources/v1-routes");

    @Test
    void yamlRouteCallsAreFoundWithTheirMappedUris() throws Exception {
        List<V1Finding> findings = V1RouteScanner.scan(List.of(ROUTES.resolve("legacy-sync.camel.yaml")));

        assertThat(findings).extracting(V1Finding::line, V1Finding::endpoint, V1Finding::replacement).containsExactly(
                tuple(8, null, "nothing: remove the header and set clientId and clientSecret on the mapiq component"),
                tuple(11, V1Endpoint.TOKEN, "nothing: set clientId and clientSecret on the mapiq component"),
                tuple(16, V1Endpoint.REGISTRATIONS,
                        "mapiq:workspace-reservations?operation=list&startDate=today&outputFormat=v1"),
                tuple(18, V1Endpoint.USERS, "mapiq:users?outputFormat=v1"));
        assertThat(findings.get(2).v1Call())
                .isEqualTo("GET https://api.mapiq.com/shifts/registrations?startDate=${date:now:yyyy-MM-dd}"
                           + "&bridgeEndpoint=true");
        assertThat(findings.get(2).note()).contains("Query parameters not carried over: bridgeEndpoint.");
        assertThat(findings.get(3).v1Call()).isEqualTo("GET {{mapiq.v1.url}}/shifts/users");
    }

    @Test
    void xmlRouteDeleteIsToldApartFromListByTheMethodHeader() throws Exception {
        List<V1Finding> findings = V1RouteScanner.scan(List.of(ROUTES.resolve("cleanup-routes.xml")));

        assertThat(findings).extracting(V1Finding::line, V1Finding::endpoint, V1Finding::replacement).containsExactly(
                tuple(8, V1Endpoint.DELETE_REGISTRATION, "mapiq:workspace-reservations?operation=delete"),
                tuple(12, V1Endpoint.PARKING_RESERVATIONS,
                        "mapiq:parking-reservations?operation=list&startDate=2024-05-01&endDate=2024-05-07&outputFormat=v1"),
                tuple(13, V1Endpoint.PARKING_LOTS, "mapiq:parking-lots?outputFormat=v1"));
        assertThat(findings.get(0).v1Call())
                .isEqualTo("DELETE https://api.mapiq.com/shifts/registrations?userId=${header.user}&startDate=2024-05-01");
        assertThat(findings.get(0).note()).contains("Query parameters not carried over: userId, startDate.");
    }

    @Test
    void javaRouteMethodHeaderDoesNotLeakIntoTheNextRoute() throws Exception {
        List<V1Finding> findings = V1RouteScanner.scan(List.of(ROUTES.resolve("CheckinBridgeRoute.java")));

        assertThat(findings).extracting(V1Finding::line, V1Finding::v1Call, V1Finding::replacement).containsExactly(
                tuple(10, "POST https://api.mapiq.com/localization/admin/checkin", "mapiq:checkin-events?operation=create&outputFormat=v1"),
                tuple(12, "GET https://api.mapiq.com/localization/admin/checkin/statuses", "mapiq:checkin-statuses?outputFormat=v1"),
                tuple(13, "GET https:api.mapiq.com/localization/admin/checkin/events?startDate=${header.day}&buildingId=b-1",
                        "mapiq:checkin-events?operation=list&startDate=${header.day}&buildingId=b-1&outputFormat=v1"),
                tuple(14, "GET https://api.mapiq.com/shifts/buildings", "mapiq:buildings?outputFormat=v1"));
    }

    @Test
    void registrationsWithoutAStatedMethodAssumeGetAndSaySo() throws Exception {
        V1Finding finding = V1CallDetector.detect(Path.of("inline.yaml"),
                List.of("- to: https://api.mapiq.com/shifts/registrations")).get(0);

        assertThat(finding.endpoint()).isEqualTo(V1Endpoint.REGISTRATIONS);
        assertThat(finding.note()).contains("The route states no HTTP method, so GET is assumed; "
                                            + "DELETE /shifts/registrations maps to "
                                            + "mapiq:workspace-reservations?operation=delete.");
    }

    @Test
    void aV1PathWithAMethodTheGuideDoesNotListIsStillReported() throws Exception {
        V1Finding finding = V1CallDetector.detect(Path.of("inline.yaml"),
                List.of("- to: https://api.mapiq.com/shifts/users?httpMethod=PUT")).get(0);

        assertThat(finding.endpoint()).isNull();
        assertThat(finding.v1Call()).isEqualTo("PUT https://api.mapiq.com/shifts/users?httpMethod=PUT");
        assertThat(finding.note()).contains("PUT /shifts/users is not in Mapiq's migration guide");
    }

    @Test
    void v2CallsAndOtherMapiqHostsAreNotReported() throws Exception {
        assertThat(V1RouteScanner.scan(List.of(Path.of("src/test/resources/v1-routes-clean")))).isEmpty();
        assertThat(V1CallDetector.detect(Path.of("x.java"),
                List.of("to(\"https://myapi.mapiq.com/shifts/users\")", "to(\"https://example.com/parkinglots\")")))
                .isEmpty();
    }
}
