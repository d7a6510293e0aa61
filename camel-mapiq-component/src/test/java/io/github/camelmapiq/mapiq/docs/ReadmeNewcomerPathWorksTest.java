package io.github.camelmapiq.mapiq.docs;

import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.main.Main;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's path for a newcomer, read from the README itself and run as it says against the simulator: the
 * {@code application.properties} that point the component at the simulator, the whole Java application (compiled and
 * its {@code main} run), and the same route as a YAML and an XML route file loaded by Camel Main. Only the simulator's
 * port and the folder of the route files are replaced. Each run must log one line per building, as the README shows.
 */
class ReadmeNewcomerPathWorksTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().seed(3L).users(4).build();

    @TempDir
    Path dir;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final LoggerContext logs = (LoggerContext) LogManager.getContext(false);
    private AbstractAppender appender;

    /** The log EIP logs under the route's id; Camel names routes route1, route2, ... counting across contexts. */
    private static final java.util.regex.Pattern ROUTE_LOGGER = java.util.regex.Pattern.compile("route\\d+");
    private Level rootLevel;
    private Map<String, org.apache.logging.log4j.core.Appender> rootAppenders;

    /** Lets INFO of the route loggers reach this test (the root logger is at WARN), the console staying at WARN. */
    @BeforeEach
    void captureRouteLogs() {
        appender = new AbstractAppender("readme-routes", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (ROUTE_LOGGER.matcher(event.getLoggerName()).matches()) {
                    logged.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        LoggerConfig root = logs.getConfiguration().getRootLogger();
        rootLevel = root.getLevel();
        rootAppenders = Map.copyOf(root.getAppenders());
        rootAppenders.keySet().forEach(root::removeAppender);
        rootAppenders.values().forEach(a -> root.addAppender(a, rootLevel, null));
        root.addAppender(appender, Level.INFO, null);
        root.setLevel(Level.INFO);
        logs.updateLoggers();
    }

    @AfterEach
    void stopCapturing() {
        LoggerConfig root = logs.getConfiguration().getRootLogger();
        root.removeAppender(appender.getName());
        rootAppenders.keySet().forEach(root::removeAppender);
        rootAppenders.values().forEach(a -> root.addAppender(a, null, null));
        root.setLevel(rootLevel);
        logs.updateLoggers();
        appender.stop();
    }

    private static DocSnippets readme() throws Exception {
        return DocSnippets.of(DocSnippets.README);
    }

    /** The README's properties for the simulator, on the port of this test's simulator. */
    private static Properties simulatorProperties() throws Exception {
        MapiqSimulator simulator = sim.simulator();
        assertThat(simulator.tokenUrl()).isEqualTo(simulator.baseUrl() + "/api/public/oauth2/token");
        Properties properties = new Properties();
        properties.load(new StringReader(readme().block("properties", "demo-client")
                .replace("http://127.0.0.1:8089", simulator.baseUrl()).text()));
        return properties;
    }

    /** One line per building of the simulator, name and zone, as the README shows them. */
    private List<String> expectedLines() {
        return sim.control().list("buildings").stream().map(b -> b.get("name") + " (" + b.get("timeZone") + ")")
                .toList();
    }

    @Test
    void theJavaApplicationCompilesRunsAndStopsByItself() throws Exception {
        String source = readme().block("java", "class FirstMapiqRoute").text();
        assertThat(source.lines().count()).as("a 15-line application").isLessThanOrEqualTo(15);
        Method main = compile("FirstMapiqRoute", source).getMethod("main", String[].class);
        Properties properties = simulatorProperties();
        properties.forEach((key, value) -> System.setProperty((String) key, (String) value));
        try {
            CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
                try {
                    main.invoke(null, (Object) new String[0]);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
            run.get(2, TimeUnit.MINUTES); // it stops by itself once idle
        } finally {
            properties.keySet().forEach(key -> System.clearProperty((String) key));
        }
        assertThat(logged).containsExactlyInAnyOrderElementsOf(expectedLines());
    }

    @Test
    void theYamlRouteFileIsLoadedFromItsFolder() throws Exception {
        runRouteFile("buildings.yaml", readme().block("yaml", "parameters: {repeatCount: 1}").text());
    }

    @Test
    void theXmlRouteFileWithItsRoutesElementIsLoadedFromItsFolder() throws Exception {
        runRouteFile("buildings.xml", readme().block("xml", "<routes xmlns=").text());
    }

    /** Writes the route file into a folder and runs Camel Main with the README's properties, as a user would. */
    private void runRouteFile(String name, String text) throws Exception {
        Path routes = Files.createDirectories(dir.resolve("routes"));
        Files.writeString(routes.resolve(name), text);
        Properties properties = simulatorProperties();
        properties.load(new StringReader(readme().block("properties", "routes-include-pattern")
                .replace("file:routes/", "file:" + routes + File.separator).text()));
        Main main = new Main();
        main.setInitialProperties(properties);
        main.configure().withDurationMaxIdleSeconds(3);
        long calls = sim.control().calls("GET", "/v2/spaces/buildings");

        CompletableFuture.runAsync(() -> {
            try {
                main.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(2, TimeUnit.MINUTES);

        assertThat(logged).containsExactlyInAnyOrderElementsOf(expectedLines());
        assertThat(sim.control().calls("GET", "/v2/spaces/buildings")).isEqualTo(calls + 1);
    }

    /** The quickstart's output the README shows is what the quickstart's routes log. */
    @Test
    void theQuickstartOutputShownIsWhatItsRoutesLog() throws Exception {
        List<java.util.regex.Pattern> messages = new java.util.ArrayList<>();
        try (var files = Files.list(DocSnippets.ROOT.resolve("examples/quickstart/src/main/resources/routes"))) {
            for (Path file : files.toList()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("message: \"(.*)\"")
                        .matcher(Files.readString(file));
                while (m.find()) {
                    String[] parts = m.group(1).split("\\$\\{[^}]*}", -1);
                    messages.add(java.util.regex.Pattern.compile(String.join(".+",
                            java.util.Arrays.stream(parts).map(java.util.regex.Pattern::quote).toList())));
                }
            }
        }
        List<String> shown = readme().block("text", "office workdays booked").text().lines()
                .filter(l -> l.contains(" quickstart ")).map(l -> l.replaceFirst("^INFO\\s+quickstart\\s+", ""))
                .toList();

        assertThat(shown).hasSize(3).allSatisfy(line -> assertThat(messages)
                .as("a log message of the quickstart's routes for: " + line)
                .anyMatch(p -> p.matcher(line.replace("...", "x")).matches()));
    }

    /** Compiles a whole compilation unit of the README, as written, and loads its class. */
    private Class<?> compile(String name, String source) throws Exception {
        Path src = dir.resolve("src/" + name + ".java");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        String classpath = System.getProperty("java.class.path") + File.pathSeparator
                           + System.getProperty("surefire.test.class.path", "");
        boolean ok = javac.getTask(errors, null, null, List.of("-classpath", classpath, "-d", classes.toString(),
                "-proc:none"), null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(src.toFile()))
                .call();
        assertThat(ok).as("the README's Java application compiles:\n" + errors).isTrue();
        URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() }, getClass().getClassLoader());
        return loader.loadClass(name);
    }
}
