package io.github.camelmapiq.mapiq.v1;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration tables users read (README and component docs) and the scanner's replacements agree. */
class MigrationTableMatchesTheScannerTest {

    @Test
    void everyV1EndpointHasARowWithItsV2CallAndMapiqUri() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("src/main/docs/migration.md")).stream()
                .filter(line -> line.startsWith("| `")).toList();

        assertThat(rows).hasSize(V1Endpoint.values().length);
        for (V1Endpoint endpoint : V1Endpoint.values()) {
            String call = "| `" + endpoint.method() + " " + endpoint.path();
            assertThat(rows).as(endpoint.name()).filteredOn(row -> row.startsWith(call)).singleElement()
                    .satisfies(row -> {
                        assertThat(row).contains("`" + endpoint.v2Call() + "`");
                        if (endpoint.mapiqUri() != null) {
                            assertThat(row).contains("`" + endpoint.mapiqUri());
                        }
                    });
        }
    }

    @Test
    void theComponentDocsTableNamesTheSameMapiqUris() throws Exception {
        List<String> rows = Files.readAllLines(Path.of("src/main/docs/mapiq-component.adoc")).stream()
                .filter(line -> line.matches("\\| `(GET|POST|DELETE) /.*")).toList();

        assertThat(rows).hasSize(V1Endpoint.values().length);
        for (V1Endpoint endpoint : V1Endpoint.values()) {
            String call = "| `" + endpoint.method() + " " + endpoint.path() + "` | ";
            assertThat(rows).as(endpoint.name()).filteredOn(row -> row.startsWith(call)).singleElement()
                    .satisfies(row -> assertThat(row.substring(call.length()))
                            .startsWith(endpoint.mapiqUri() == null ? "none" : "`" + endpoint.mapiqUri()));
        }
    }
}
