package io.github.camelmapiq.routes;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One {@code kamelets/*.kamelet.yaml} file read as plain YAML (SnakeYAML engine, as camel-yaml-dsl reads it), to check
 * its definition the way Karavan, Kaoto and the Camel K operator read it, without running it.
 */
final class KameletFile {

    /** {@code {{name}}}, {@code {{?name}}} and {@code {{name:default}}} placeholders. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\?)?([^}:?]+)(:[^}]*)?}}");

    private final Path path;
    private final Map<String, Object> root;

    private KameletFile(Path path, Map<String, Object> root) {
        this.path = path;
        this.root = root;
    }

    /** Every Kamelet of {@code kamelets/}. */
    static List<KameletFile> all() throws IOException {
        List<KameletFile> kamelets = new ArrayList<>();
        try (Stream<Path> files = Files.list(RouteFiles.PROJECT_ROOT.resolve("kamelets"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".kamelet.yaml")).sorted().toList()) {
                kamelets.add(read(file));
            }
        }
        return kamelets;
    }

    @SuppressWarnings("unchecked")
    static KameletFile read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new KameletFile(file, (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromReader(reader));
        }
    }

    Path path() {
        return path;
    }

    /** The name the file name promises: {@code mapiq-source} for {@code mapiq-source.kamelet.yaml}. */
    String fileBaseName() {
        return path.getFileName().toString().replace(".kamelet.yaml", "");
    }

    Object at(String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String... keys) {
        Object node = at(keys);
        return node instanceof Map ? (Map<String, Object>) node : Map.of();
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String... keys) {
        Object node = at(keys);
        return node instanceof List ? (List<Object>) node : List.of();
    }

    String text(String... keys) {
        Object node = at(keys);
        return node == null ? null : node.toString();
    }

    /** The JSON Schema properties of {@code spec.definition}, by parameter name. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> parameters() {
        return (Map<String, Map<String, Object>>) (Map<?, ?>) map("spec", "definition", "properties");
    }

    List<Object> required() {
        return list("spec", "definition", "required");
    }

    /** Parameters the template refers to; {@code optional} selects those written {@code {{?name}}}. */
    Set<String> templatePlaceholders(boolean optional) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(String.valueOf(at("spec", "template")));
        while (matcher.find()) {
            if ((matcher.group(1) != null) == optional) {
                names.add(matcher.group(2));
            }
        }
        return names;
    }

    /** Every endpoint URI of the template ({@code uri} keys and the short {@code to: "..."} form). */
    List<String> templateUris() {
        List<String> uris = new ArrayList<>();
        collectUris(at("spec", "template"), uris);
        return uris;
    }

    private static void collectUris(Object node, List<String> uris) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (("uri".equals(key) || "to".equals(key)) && value instanceof String uri) {
                    uris.add(uri);
                } else {
                    collectUris(value, uris);
                }
            });
        } else if (node instanceof List<?> list) {
            list.forEach(item -> collectUris(item, uris));
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
