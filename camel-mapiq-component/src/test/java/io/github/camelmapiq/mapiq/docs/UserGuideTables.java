package io.github.camelmapiq.mapiq.docs;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;

/**
 * The user guide's option and header tables, rendered from the component's generated catalog descriptor
 * ({@code mapiq.json}) between {@code // component options: START} and {@code // component options: END} markers
 * (and {@code endpoint options}, {@code component headers}), as Camel's build renders its components' tables from
 * their descriptors.
 */
final class UserGuideTables {

    static final String CATALOG = "/META-INF/io/github/camelmapiq/mapiq/mapiq.json";

    private static final Map<String, Function<JsonNode, String>> SECTIONS = Map.of(
            "component options", catalog -> options(catalog.get("componentProperties"), "Component option"),
            "endpoint options", catalog -> options(catalog.get("properties"), "Option"),
            "component headers", UserGuideTables::headers);

    private UserGuideTables() {
    }

    /** The guide with every marked section rendered anew from the catalog. */
    static String render(String guide) throws IOException {
        JsonNode catalog = catalog();
        String result = guide;
        for (Map.Entry<String, Function<JsonNode, String>> section : SECTIONS.entrySet()) {
            String start = "// " + section.getKey() + ": START\n";
            String end = "// " + section.getKey() + ": END";
            Matcher marked = Pattern.compile(Pattern.quote(start) + "(?s).*?" + Pattern.quote(end)).matcher(result);
            if (!marked.find()) {
                throw new IllegalStateException("The user guide has no '" + start.strip() + "' ... '" + end
                                                + "' section");
            }
            result = result.substring(0, marked.start()) + start + section.getValue().apply(catalog) + end
                     + result.substring(marked.end());
        }
        return result;
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream json = MapiqComponent.class.getResourceAsStream(CATALOG)) {
            return MapiqJson.mapper().readTree(json);
        }
    }

    private static String options(JsonNode options, String firstColumn) {
        StringBuilder table = new StringBuilder()
                .append("The ").append(options.size()).append(" options, grouped as in the catalog:\n\n")
                .append("[width=\"100%\",cols=\"2m,1m,1,5\",options=\"header\"]\n|===\n")
                .append("| ").append(firstColumn).append(" | Default | Type | Description\n");
        options.properties().forEach(e -> {
            JsonNode option = e.getValue();
            String description = option.path("description").asText();
            if (option.path("required").asBoolean()) {
                description = "*Required* " + description;
            }
            if (option.path("secret").asBoolean()) {
                description += " *Secret.*";
            }
            if (option.has("enum")) {
                StringBuilder values = new StringBuilder();
                option.get("enum").forEach(v -> values.append(values.isEmpty() ? "" : ", ").append(v.asText()));
                description += " Values: " + values + ".";
            }
            String group = option.path("group").asText();
            table.append("| ").append(cell(e.getKey()))
                    .append(" | ").append(cell(option.path("defaultValue").asText("")))
                    .append(" | ").append(cell(option.path("type").asText()))
                    .append(" | ").append(cell("(" + group + ") " + description)).append('\n');
        });
        return table.append("|===\n").toString();
    }

    private static String headers(JsonNode catalog) {
        StringBuilder table = new StringBuilder()
                .append("[width=\"100%\",cols=\"2m,1m,5\",options=\"header\"]\n|===\n")
                .append("| Header | Type | Description\n");
        catalog.get("headers").properties().forEach(e -> table.append("| ").append(cell(e.getKey()))
                .append(" | ").append(cell(e.getValue().path("javaType").asText()))
                .append(" | ").append(cell(e.getValue().path("description").asText())).append('\n'));
        return table.append("|===\n").toString();
    }

    /** Table cell text: one line, the column separator escaped. */
    private static String cell(String text) {
        return text.replace("\n", " ").replace("|", "\\|").strip();
    }
}
