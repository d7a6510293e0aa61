package io.github.camelmapiq.v1scanner;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scanner is usable as a CI step: exit codes, printed lines, and it runs with its own classes and the JDK alone. */
class V1RouteScannerExitCodeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return V1RouteScanner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void foldersWithV1CallsExitOneAndPrintFileLineAndReplacement() {
        int code = run("src/test/resources/v1-routes");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(V1RouteScanner.FOUND);
        assertThat(printed)
                .contains(Path.of("src/test/resources/v1-routes/cleanup-routes.xml") + ":13: GET http://api.mapiq.com/parkinglots")
                .contains("    replace with: mapiq:parking-lots")
                .contains("11 v1 API use(s) found in 3 of 3 file(s).")
                .doesNotContain("ignored.yaml");
    }

    @Test
    void migratedRoutesExitZero() {
        assertThat(run("src/test/resources/v1-routes-clean")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("No v1 API calls found in 1 file(s).");
    }

    @Test
    void noArgumentOrAMissingPathExitTwoWithUsage() {
        assertThat(run()).isEqualTo(V1RouteScanner.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Usage: java -jar camel-mapiq-v1-scanner-<version>.jar <file or folder>...");
        assertThat(run("no/such/folder")).isEqualTo(V1RouteScanner.ERROR);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No such file or folder: no/such/folder");
    }

    @Test
    void runsWithOnlyItsOwnClassesOnTheClasspath() throws Exception {
        String classes = new File(V1RouteScanner.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getPath();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-cp", classes, V1RouteScanner.class.getName(),
                "src/test/resources/v1-routes/CheckinBridgeRoute.java")
                .redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(printed).isEqualTo(V1RouteScanner.FOUND);
        assertThat(printed).contains("replace with: mapiq:checkin-events?operation=create");
    }
}
