package io.github.camelmapiq.v1scanner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the scanner tells a customer to write works when pasted into a plain {@code to} (no {@code toD}) and keeps
 * the downstream payload: Camel's {@code ${date:now...}} becomes the component's {@code today} expression, and calls
 * that answered JSON get {@code outputFormat=v1}. The migrated files in the component's test resources
 * ({@code routes/users/migration/v2}) hold exactly these URIs, and the component's
 * {@code MigratedRoutesFeedTheDownstreamAsV1DidTest} runs them against the simulator.
 */
class V1RouteScannerSuggestionsAreDropInReplacementsTest {

    private static final Path V1 = Path.of("../camel-mapiq-component/src/test/resources/routes/users/migration/v1");
    private static final Path V2 = Path.of("../camel-mapiq-component/src/test/resources/routes/users/migration/v2");

    @Test
    void customerRoutesGetUrisThatNeedNoDynamicToAndKeepV1Json() throws Exception {
        List<V1Finding> calls = V1RouteScanner.scan(List.of(V1)).stream().filter(f -> f.endpoint() != null).toList();

        assertThat(calls).extracting(f -> f.file().getFileName().toString(), V1Finding::line, V1Finding::replacement)
                .containsExactly(
                        tuple("RegistrationCleanupRoute.java", 13, "mapiq:workspace-reservations?operation=delete"),
                        tuple("checkin-bridge.xml", 18, "mapiq:checkin-events?operation=create&outputFormat=v1"),
                        tuple("parking-export.camel.yaml", 14,
                                "mapiq:parking-reservations?operation=list&startDate=today&endDate=today+6d&outputFormat=v1"),
                        tuple("registrations-sync.camel.yaml", 19, "nothing: set clientId and clientSecret on the mapiq component"),
                        tuple("registrations-sync.camel.yaml", 44,
                                "mapiq:workspace-reservations?operation=list&startDate=today&outputFormat=v1"));
        String migrated = (Files.readString(V2.resolve("checkin-bridge.xml"))
                           + Files.readString(V2.resolve("parking-export.camel.yaml"))
                           + Files.readString(V2.resolve("registrations-sync.camel.yaml"))).replace("&amp;", "&");
        calls.stream().map(V1Finding::replacement).filter(r -> r.startsWith("mapiq:") && !r.contains("delete"))
                .forEach(uri -> assertThat(migrated).contains(uri));
        assertThat(calls.get(0).note()).contains("goes in header CamelMapiqRecordId or the body");
        assertThat(calls.get(1).note()).contains("outputFormat=v1 keeps the JSON v1 answered");
    }

    @Test
    void aSimpleExpressionThatIsNotADateOfTodayIsKeptAndTheNoteAsksForToD() {
        V1Finding finding = V1CallDetector.detect(Path.of("inline.yaml"),
                List.of("- toD: https://api.mapiq.com/parkingReservations?startDate=${header.day}")).get(0);

        assertThat(finding.replacement())
                .isEqualTo("mapiq:parking-reservations?operation=list&startDate=${header.day}&outputFormat=v1");
        assertThat(finding.note()).contains("${header.day} is evaluated only in toD");
    }

    @Test
    void theScannerPrintsLinesAndExitsWithOneOnTheCustomersRoutes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = V1RouteScanner.run(new String[] { V1.toString() }, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(exit).isEqualTo(V1RouteScanner.FOUND);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(V1.resolve("checkin-bridge.xml") + ":18: POST https://api.mapiq.com/localization/admin/checkin")
                .contains("10 v1 API use(s) found in 4 of 4 file(s).");
    }
}
