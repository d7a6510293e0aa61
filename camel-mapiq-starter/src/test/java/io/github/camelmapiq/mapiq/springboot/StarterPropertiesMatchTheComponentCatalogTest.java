package io.github.camelmapiq.mapiq.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code spring-configuration-metadata.json} (what IDEs complete) and the component's catalog
 * descriptor {@code mapiq.json} name the same options: a component option added without its starter property, or a
 * starter property the component no longer has, fails the build. Types and defaults agree too, so the IDE shows what
 * the component does.
 */
class StarterPropertiesMatchTheComponentCatalogTest {

    /** camel-spring-boot's own switches, not component options. */
    private static final Set<String> STARTER_SWITCHES = Set.of("camel.component.mapiq.enabled",
            "camel.component.mapiq.customizer.enabled");

    @Test
    void everyComponentOptionHasAStarterPropertyAndNoneMore() {
        Set<String> expected = new TreeSet<>(STARTER_SWITCHES);
        Metadata.componentOptions().keySet().forEach(option -> expected.add(Metadata.propertyOf(option)));

        assertThat(new TreeSet<>(Metadata.springProperties().keySet()))
                .as("starter properties (MapiqComponentConfiguration) against the component options of mapiq.json")
                .isEqualTo(expected);
    }

    @Test
    void typesDefaultsAndDescriptionsAgreeWithTheCatalog() {
        Map<String, JsonNode> spring = Metadata.springProperties();
        List<String> disagreements = new ArrayList<>();
        Metadata.componentOptions().forEach((option, catalog) -> {
            JsonNode property = spring.get(Metadata.propertyOf(option));
            if (property == null) {
                return; // reported by the other test
            }
            String type = property.get("type").asText();
            String expectedType = expectedType(catalog);
            if (!type.equals(expectedType)) {
                disagreements.add(option + ": type " + type + ", expected " + expectedType);
            }
            String catalogDefault = catalog.path("defaultValue").asText(null);
            String springDefault = property.path("defaultValue").asText(null);
            if (catalog.get("type").asText().equals("duration") && springDefault != null) {
                springDefault = String.valueOf(DurationStyle.detectAndParse(springDefault).toMillis());
            }
            if (!java.util.Objects.equals(catalogDefault, springDefault)) {
                disagreements.add(option + ": default " + springDefault + ", catalog " + catalogDefault);
            }
            if (property.path("description").asText("").isBlank()) {
                disagreements.add(option + ": no description");
            }
        });

        assertThat(disagreements).isEmpty();
    }

    /** The Java type the starter gives an option of the catalog: wrappers, and {@code Duration} for durations. */
    private static String expectedType(JsonNode catalog) {
        String javaType = catalog.get("javaType").asText().replace(", ", ",");
        return switch (catalog.get("type").asText()) {
            case "duration" -> "java.time.Duration";
            case "integer" -> "java.lang.Integer";
            case "boolean" -> "java.lang.Boolean";
            default -> javaType;
        };
    }
}
