package io.github.camelmapiq.mapiq;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed catalog JSON describes the component so that tooling (IDE plugins, Karavan, the Camel catalog) checks
 * mapiq URIs: good ones pass, unknown options and bad enum values are reported by name.
 */
class CatalogValidatesMapiqUrisTest {

    private final DefaultCamelCatalog catalog = new DefaultCamelCatalog();

    @BeforeEach
    void addMapiq() throws Exception {
        try (InputStream json = MapiqComponent.class.getResourceAsStream("/META-INF/io/github/camelmapiq/mapiq/mapiq.json")) {
            assertThat(json).as("generated catalog JSON on the classpath").isNotNull();
            catalog.addComponent("mapiq", MapiqComponent.class.getName(),
                    new String(json.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void aTypicalUriIsValid() {
        EndpointValidationResult result = catalog.validateEndpointProperties(
                "mapiq:workspace-reservations?startDate=today&endDate=today%2B6d&outputFormat=map&clientId=a&clientSecret=b"
                                                                            + "&connectTimeout=5s&maxRetries=5");

        assertThat(result.isSuccess()).as(result.summaryErrorMessage(false)).isTrue();
    }

    @Test
    void unknownOptionIsReported() {
        EndpointValidationResult result = catalog.validateEndpointProperties("mapiq:users?colour=blue");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getUnknown()).containsExactly("colour");
    }

    @Test
    void badOutputFormatIsReportedWithTheAllowedValues() {
        EndpointValidationResult result = catalog.validateEndpointProperties("mapiq:users?outputFormat=xml");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidEnum()).containsEntry("outputFormat", "xml");
        assertThat(result.summaryErrorMessage(false)).contains("pojo", "map", "json", "v1");
    }

    @Test
    void unknownResourceIsReported() {
        EndpointValidationResult result = catalog.validateEndpointProperties("mapiq:desks");

        assertThat(result.isSuccess()).isFalse();
        assertThat(result.getInvalidEnum()).containsEntry("resource", "desks");
    }

    @Test
    void secretOptionsAreMarkedSecret() {
        assertThat(catalog.componentJSonSchema("mapiq"))
                .containsPattern("\"clientSecret\": \\{[^}]*\"secret\": true")
                .containsPattern("\"proxyPassword\": \\{[^}]*\"secret\": true");
    }
}
