package io.github.camelmapiq.mapiq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The component's packages import one another only in the directions CONTRIBUTING.md's architecture map allows:
 * consumers and producers build on the root package and the client, {@code v1} renders the model, and inside the
 * client {@code query → http → auth → error}, with {@code http} also using {@code model}. Inside the consumer, the
 * poll ({@code consumer}) uses change detection ({@code consumer.change}), which uses the state
 * ({@code consumer.state}, which imports nothing); monitoring publishes through {@code metrics}, which reads the
 * client's statistics and the figures it is handed, never the root package. The root package wires
 * everything and may import any package. The one exception root, the root package's {@code MapiqException}, may be
 * imported by every package.
 */
class PackagesImportAsTheArchitectureMapSaysTest {

    private static final Path SOURCES = Path.of("src/main/java/io/github/camelmapiq/mapiq");
    private static final Pattern IMPORT = Pattern.compile(
            "^import (?:static )?io\\.github\\.camelmapiq\\.mapiq\\.((?:[a-z0-9]+\\.)*)[A-Z]");

    private static final String EXCEPTION_ROOT = "import io.github.camelmapiq.mapiq.MapiqException;";

    /** What each package may import besides itself; the root package ("") may import any. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("consumer", Set.of("", "consumer.change", "consumer.state", "consumer.monitoring", "client.http",
                    "client.auth", "client.query", "client.error", "client.model")),
            Map.entry("consumer.change", Set.of("", "consumer.state", "client.http", "client.query", "client.error",
                    "client.model")),
            Map.entry("consumer.state", Set.of()),
            Map.entry("consumer.monitoring", Set.of("", "metrics", "client.http", "client.error")),
            Map.entry("producer", Set.of("", "v1", "client.http", "client.auth", "client.query", "client.error",
                    "client.model")),
            Map.entry("v1", Set.of("", "client.model")),
            Map.entry("metrics", Set.of("client.http", "client.auth")),
            Map.entry("client.query", Set.of("client.http", "client.auth", "client.error", "client.model")),
            Map.entry("client.http", Set.of("client.auth", "client.error", "client.model")),
            Map.entry("client.auth", Set.of("client.error")),
            Map.entry("client.error", Set.of()),
            Map.entry("client.model", Set.of()));

    @Test
    void everyImportBetweenPackagesFollowsTheMap() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> sources = sources();
        for (Path source : sources) {
            String from = packageOf(source);
            for (String line : Files.readAllLines(source)) {
                String to = importedPackage(line);
                if (to != null && !to.equals(from) && !from.isEmpty() && !allowed(from).contains(to)
                    && !line.equals(EXCEPTION_ROOT)) {
                    offences.add(SOURCES.relativize(source) + " (" + from + ") imports " + (to.isEmpty() ? "root" : to)
                                 + ": " + line);
                }
            }
        }

        assertThat(sources).as("component sources found").hasSizeGreaterThan(100);
        assertThat(offences).as("imports against the architecture map in CONTRIBUTING.md").isEmpty();
    }

    @Test
    void theCheckReadsImportsAndKnowsEveryPackage() throws IOException {
        assertThat(importedPackage("import io.github.camelmapiq.mapiq.MapiqEndpoint;")).isEmpty();
        assertThat(importedPackage("import io.github.camelmapiq.mapiq.client.http.Listing;")).isEqualTo("client.http");
        assertThat(importedPackage("import static io.github.camelmapiq.mapiq.client.query.Filter.STATUS;"))
                .isEqualTo("client.query");
        assertThat(importedPackage("import org.apache.camel.Exchange;")).isNull();
        assertThat(sources().stream().map(PackagesImportAsTheArchitectureMapSaysTest::packageOf).distinct())
                .as("every package has its entry in the map").allMatch(p -> p.isEmpty() || ALLOWED.containsKey(p));
    }

    private static Set<String> allowed(String from) {
        return ALLOWED.getOrDefault(from, Set.of());
    }

    /** The package an import line names, relative to the component's root ("" for the root), or null. */
    private static String importedPackage(String line) {
        Matcher m = IMPORT.matcher(line);
        if (!m.find()) {
            return null;
        }
        String pkg = m.group(1);
        return pkg.isEmpty() ? "" : pkg.substring(0, pkg.length() - 1);
    }

    private static String packageOf(Path source) {
        Path dir = SOURCES.relativize(source).getParent();
        return dir == null ? "" : dir.toString().replace('/', '.').replace('\\', '.');
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
