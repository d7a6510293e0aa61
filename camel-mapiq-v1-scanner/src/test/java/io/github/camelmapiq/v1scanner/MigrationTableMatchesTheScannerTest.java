package io.github.camelmapiq.v1scanner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration tables users read (the README's and the user guide's "Migrating from v1") and the scanner's
 * replacements agree.
 */
class MigrationTableMatchesTheScannerTest {

    @ParameterizedTest
    @ValueSource(strings = { "../camel-mapiq-component/src/main/docs/mapiq-component.adoc", "../README.md" })
    void everyV1EndpointHasARowWithItsV2CallAndMapiqUri(String document) throws Exception {
        List<String> rows = Files.readAllLines(Path.of(document)).stream()
                .filter(line -> line.matches("\\| `(GET|POST|DELETE) /.*")).toList();

        assertThat(rows).hasSize(V1Endpoint.values().length);
        for (V1Endpoint endpoint : V1Endpoint.values()) {
            String call = "| `" + endpoint.method() + " " + endpoint.path() + "` | `" + endpoint.v2Call() + "` | ";
            assertThat(rows).as(endpoint.name()).filteredOn(row -> row.startsWith(call)).singleElement()
                    .satisfies(row -> assertThat(row.substring(call.length()))
                            .startsWith(endpoint.mapiqUri() == null ? "none" : "`" + endpoint.mapiqUri()));
        }
    }
}
