package io.github.camelmapiq.mapiq.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqComponent;
import org.apache.camel.spi.PropertyConfigurerGetter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each option of the catalog with a value type, set to a value other than its default as a kebab-case
 * {@code camel.component.mapiq.*} property, is what the component then holds: no option of the starter is bound but
 * forgotten on the way to the component. (Options holding objects are covered by
 * {@link SpringPropertiesConfigureTheMapiqComponentTest}.)
 */
class EveryStarterPropertyReachesTheComponentTest {

    @Test
    void everyValueOptionSetAsAPropertyIsSetOnTheComponent() {
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, String> expected = new LinkedHashMap<>();
        Metadata.componentOptions().forEach((option, catalog) -> {
            String value = nonDefaultValue(option, catalog);
            if (value != null) {
                properties.put(Metadata.propertyOf(option), value);
                expected.put(option, catalog.get("type").asText().equals("duration")
                        ? String.valueOf(Long.parseLong(value.replace("ms", ""))) : value);
            }
        });
        assertThat(expected).as("value options of the catalog").hasSizeGreaterThan(35);

        StarterRunner.runner()
                .withPropertyValues(properties.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new))
                .run(context -> {
                    MapiqComponent component = StarterRunner.mapiq(context);
                    PropertyConfigurerGetter getter = (PropertyConfigurerGetter) component.getComponentPropertyConfigurer();
                    List<String> wrong = new ArrayList<>();
                    expected.forEach((option, value) -> {
                        Object actual = getter.getOptionValue(component, option, true);
                        if (!value.equals(String.valueOf(actual))) {
                            wrong.add(option + " is " + actual + ", expected " + value);
                        }
                    });
                    assertThat(wrong).isEmpty();
                });
    }

    /** A valid value that is not the option's default, or null for options holding objects. */
    private static String nonDefaultValue(String option, JsonNode catalog) {
        String defaultValue = catalog.path("defaultValue").asText(null);
        if (catalog.has("enum")) {
            for (JsonNode value : catalog.get("enum")) {
                if (!value.asText().equals(defaultValue)) {
                    return value.asText();
                }
            }
        }
        return switch (catalog.get("type").asText()) {
            case "string" -> option.equals("timeZone") ? "Asia/Tokyo" : "value-of-" + option;
            case "integer" -> String.valueOf(defaultValue == null ? 7 : Integer.parseInt(defaultValue) + 7);
            case "boolean" -> String.valueOf(!Boolean.parseBoolean(defaultValue));
            case "duration" -> (defaultValue == null ? 1234 : Long.parseLong(defaultValue) + 1234) + "ms";
            default -> null;
        };
    }
}
