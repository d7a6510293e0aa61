package io.github.camelmapiq.mapiq;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.http.DateExpression;
import io.github.camelmapiq.mapiq.model.MapiqJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The catalog generator keeps only some punctuation in descriptions (it drops {@code +}), and IDEs, Kaoto and Karavan
 * show those descriptions as the option's help. Every date expression they show must be one a user can type.
 */
class CatalogDescriptionsShowValidDateExpressionsTest {

    private static final Pattern EXPRESSION = Pattern.compile("\\btoday(?:[-+ ]?\\d+d|\\w+)?");

    @Test
    void everyDateExpressionInTheCatalogParses() throws Exception {
        JsonNode catalog;
        try (InputStream json = MapiqComponent.class.getResourceAsStream("/META-INF/io/github/camelmapiq/mapiq/mapiq.json")) {
            catalog = MapiqJson.mapper().readTree(json);
        }
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
