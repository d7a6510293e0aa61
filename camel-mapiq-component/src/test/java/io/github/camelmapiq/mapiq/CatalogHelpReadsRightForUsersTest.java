package io.github.camelmapiq.mapiq;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.client.query.DateExpression;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * IDEs, Kaoto and Karavan show the catalog's descriptions as the component's and each option's help, so they must read
 * right for a user: the catalog generator keeps only some punctuation (it drops {@code +}), so every date expression
 * shown must still be one a user can type, and the component's description is the one of its docs, not Javadoc about
 * Java classes.
 */
class CatalogHelpReadsRightForUsersTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\btoday(?:[-+ ]?\\d+d|\\w+)?");

    private static JsonNode catalog() throws Exception {
        try (InputStream json = MapiqComponent.class.getResourceAsStream("/META-INF/io/github/camelmapiq/mapiq/mapiq.json")) {
            return MapiqJson.mapper().readTree(json);
        }
    }

    @Test
    void theComponentDescriptionIsTheOneOfTheDocs() throws Exception {
        String docs = Files.readAllLines(Path.of("src/main/docs/mapiq-component.adoc")).stream()
                .filter(line -> line.startsWith(":description: ")).findFirst().orElseThrow()
                .substring(":description: ".length());

        assertThat(catalog().path("component").path("description").asText()).isEqualTo(docs);
    }

    @Test
    void everyDateExpressionInTheCatalogParses() throws Exception {
        JsonNode catalog = catalog();
        List<String> shown = new ArrayList<>();
        for (String section : List.of("componentProperties", "properties", "headers")) {
            catalog.get(section).forEach(option -> {
                Matcher m = EXPRESSION.matcher(option.path("description").asText());
                while (m.find()) {
                    shown.add(m.group());
                }
            });
        }

        assertThat(shown).contains("today", "today-1d");
        assertThat(shown).allSatisfy(expression -> assertThatCode(() -> DateExpression.parse("startDate", expression))
                .as("date expression '%s' shown in the catalog", expression).doesNotThrowAnyException());
    }
}
