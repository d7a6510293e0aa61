package io.github.camelmapiq.v1scanner;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code java -jar ...} command the README and the user guide give, run as written against the packaged jar (a
 * failsafe test: it runs after {@code package}): the jar name is the one the build makes, the manifest names the main
 * class, and the jar needs nothing but the JDK.
 */
class TheDocumentedJavaJarCommandFindsV1CallsIT {

    private static final String V1_ROUTE = """
            - route:
                from:
                  uri: timer:registrations?period=3600000
                  steps:
                    - to: "https://api.mapiq.com/shifts/registrations?startDate=${date:now:yyyy-MM-dd}"
                    - to: file:out
            """;

    @TempDir
    Path dir;

    /** The one documented command line that runs the scanner jar, split into words. */
    private static List<String> documentedCommand(String document) throws Exception {
        List<String> commands = Files.readAllLines(Path.of(document)).stream()
                .filter(line -> line.startsWith("java -jar camel-mapiq-v1-scanner/")).toList();
        assertThat(commands).as("the scanner command in " + document).hasSize(1);
        return Arrays.asList(commands.get(0).trim().split("\\s+"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "../README.md", "../camel-mapiq-component/src/main/docs/mapiq-component.adoc" })
    void runsAsDocumentedAndPrintsTheReplacement(String document) throws Exception {
        List<String> command = new ArrayList<>(documentedCommand(document));
        Path built = Path.of(System.getProperty("scanner.jar"));
        Path documentedJar = Path.of(command.get(2));
        assertThat(documentedJar.getFileName()).as("the jar the docs name").isEqualTo(built.getFileName());
        // lay out what the command expects: this repository's module folder and the user's routes beside it
        Path repository = Files.createDirectories(dir.resolve("camel-mapiq"));
        Files.copy(built, Files.createDirectories(repository.resolve(documentedJar).getParent())
                .resolve(documentedJar.getFileName()));
        List<String> routeFolders = command.subList(3, command.size());
        assertThat(routeFolders).as("route folders in the documented command").isNotEmpty();
        for (String folder : routeFolders) {
            Files.writeString(Files.createDirectories(repository.resolve(folder)).resolve("legacy.camel.yaml"),
                    V1_ROUTE);
        }
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());

        Process process = new ProcessBuilder(command).directory(repository.toFile()).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isEqualTo(V1RouteScanner.FOUND);
        assertThat(printed.lines().toList()).as(printed).containsSubsequence(
                Path.of(routeFolders.get(0), "legacy.camel.yaml")
                + ":5: GET https://api.mapiq.com/shifts/registrations?startDate=${date:now:yyyy-MM-dd}",
                "    replace with: mapiq:workspace-reservations?operation=list&startDate=today&outputFormat=v1");
        assertThat(printed).contains(routeFolders.size() + " v1 API use(s) found in " + routeFolders.size() + " of "
                                     + routeFolders.size() + " file(s).");
    }
}
