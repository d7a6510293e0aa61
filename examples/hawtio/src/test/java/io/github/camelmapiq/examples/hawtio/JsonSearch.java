package io.github.camelmapiq.examples.hawtio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where in a JSON document a string occurs, as paths such as {@code /org.apache.camel:type=endpoints,.../EndpointUri}.
 * Tests report these paths rather than the document, so a failing secret check does not print the secret.
 */
final class JsonSearch {

    private JsonSearch() {
    }

    /** The paths of the field names and text values that contain {@code text}. */
    static List<String> pathsContaining(JsonNode node, String text) {
        List<String> paths = new ArrayList<>();
        collect(node, text, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String text, String path, List<String> paths) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                String fieldPath = path + "/" + field.getKey();
                if (field.getKey().contains(text)) {
                    paths.add(fieldPath + " (name)");
                }
                collect(field.getValue(), text, fieldPath, paths);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), text, path + "/" + i, paths);
            }
        } else if (node.asText().contains(text)) {
            paths.add(path);
        }
    }
}
