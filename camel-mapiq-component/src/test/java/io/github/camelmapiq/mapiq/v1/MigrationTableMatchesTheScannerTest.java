package io.github.camelmapiq.mapiq.v1;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration table users read (the user guide's "Migrating from v1", which the README links) and the scanner's
 * replacements agree.
 */
class MigrationTableMatchesTheScannerTest {

    @Test
    void everyV1EndpointHasARowWithItsV2CallAndMapiqUri() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("src/main/docs/mapiq-component.adoc")).stream()
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
