package io.github.camelmapiq.mapiq.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client package (HTTP, paging, retry, tokens, errors, queries, model) is built without Camel: no source under
 * it imports or names {@code org.apache.camel}, nor the component's Camel side (the packages outside
 * {@code client}), except the one exception root {@code MapiqException} its errors extend.
 */
class ClientPackageImportsNoCamelTest {

    private static final Path CLIENT = Path.of("src/main/java/io/github/camelmapiq/mapiq/client");
    private static final Pattern CAMEL = Pattern.compile("\\borg\\.apache\\.camel\\.");
    private static final Pattern CAMEL_SIDE = Pattern.compile(
            "\\bio\\.github\\.camelmapiq\\.mapiq\\.(?!client\\b|MapiqException\\b)[A-Za-z]");

    @Test
    void noClientSourceUsesCamelOrTheCamelSide() throws IOException {
        List<Path> sources = sources();
        List<String> offences = new ArrayList<>();
        for (Path source : sources) {
            List<String> lines = Files.readAllLines(source);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (CAMEL.matcher(line).find() || CAMEL_SIDE.matcher(line).find()) {
                    offences.add(CLIENT.relativize(source) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }

        assertThat(sources).as("client sources found").hasSizeGreaterThan(40);
        assertThat(offences).as("lines of the client package naming Camel or the Camel side").isEmpty();
    }

    @Test
    void theCheckSeesAnImportOfCamel() {
        Matcher camel = CAMEL.matcher("import org.apache.camel.CamelContext;");
        Matcher camelSide = CAMEL_SIDE.matcher("import io.github.camelmapiq.mapiq.MapiqConfiguration;");

        assertThat(camel.find()).isTrue();
        assertThat(camelSide.find()).isTrue();
        assertThat(CAMEL_SIDE.matcher("import io.github.camelmapiq.mapiq.client.http.Listing;").find()).isFalse();
        assertThat(CAMEL_SIDE.matcher("import io.github.camelmapiq.mapiq.MapiqException;").find())
                .as("the one exception root, shared by the client and the Camel side").isFalse();
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(CLIENT)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }
}
