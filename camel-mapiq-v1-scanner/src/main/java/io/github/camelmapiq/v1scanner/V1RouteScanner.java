package io.github.camelmapiq.v1scanner;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Migration check for routes that still call the retired v1 API through camel-http (or any HTTP component): scans the
 * files and folders given as arguments and prints every v1 call with the {@code mapiq:} URI that replaces it. Exits 1
 * when v1 calls are found, 0 when none, 2 on a usage or read error, so a CI step can fail on it. A runnable jar that
 * needs only the JDK (no Camel, no component):
 *
 * <pre>
 * java -jar camel-mapiq-v1-scanner-0.1.0-SNAPSHOT.jar src/main/resources/routes
 * </pre>
 */
public final class V1RouteScanner {

    /** Exit code when v1 calls are found. */
    public static final int FOUND = 1;
    /** Exit code on bad arguments or an unreadable file. */
    public static final int ERROR = 2;

    /** Route and configuration files of every Camel DSL; other files are skipped when scanning a folder. */
    private static final Set<String> SCANNED_EXTENSIONS
            = Set.of("yaml", "yml", "xml", "java", "kt", "groovy", "js", "properties");
    private static final Set<String> SKIPPED_FOLDERS = Set.of("target", "build", ".git", "node_modules", ".idea");

    private V1RouteScanner() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Scans the arguments, prints the findings to {@code out}, and answers the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println("Usage: java -jar camel-mapiq-v1-scanner-<version>.jar <file or folder>...");
            err.println("Prints every call to Mapiq's retired v1 API with the mapiq: URI that replaces it; exits 1 "
                        + "when any is found.");
            return ERROR;
        }
        List<Path> roots = new ArrayList<>();
        for (String arg : args) {
            Path p = Path.of(arg);
            if (!Files.exists(p)) {
                err.println("No such file or folder: " + arg);
                return ERROR;
            }
            roots.add(p);
        }
        List<Path> files;
        List<V1Finding> findings;
        try {
            files = files(roots);
            findings = detectAll(files);
        } catch (IOException | UncheckedIOException e) {
            err.println("Cannot read the routes: " + e.getMessage());
            return ERROR;
        }
        findings.forEach(f -> out.println(f.describe()));
        if (findings.isEmpty()) {
            out.println("No v1 API calls found in " + files.size() + " file(s).");
            return 0;
        }
        long affected = findings.stream().map(V1Finding::file).distinct().count();
        out.println(findings.size() + " v1 API use(s) found in " + affected + " of " + files.size()
                    + " file(s). Mapiq retired v1 in June 2023; see \"Migrating from v1\" in the camel-mapiq docs.");
        return FOUND;
    }

    /** Every finding in the given files and folders (folders are walked, build output skipped). */
    public static List<V1Finding> scan(List<Path> roots) throws IOException {
        return detectAll(files(roots));
    }

    private static List<V1Finding> detectAll(List<Path> files) throws IOException {
        List<V1Finding> findings = new ArrayList<>();
        for (Path file : files) {
            findings.addAll(V1CallDetector.detect(file, readLines(file)));
        }
        return findings;
    }

    private static List<Path> files(List<Path> roots) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isRegularFile(root)) {
                files.add(root);
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> !inSkippedFolder(root.relativize(p)))
                        .filter(V1RouteScanner::isRouteFile)
                        .sorted()
                        .forEach(files::add);
            }
        }
        return files;
    }

    private static boolean inSkippedFolder(Path relative) {
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            if (SKIPPED_FOLDERS.contains(relative.getName(i).toString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRouteFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return SCANNED_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    private static List<String> readLines(Path file) throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        }
    }
}
