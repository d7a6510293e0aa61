package io.github.camelmapiq.routes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Properties;

import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.component.mock.InterceptSendToMockEndpointStrategy;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

/**
 * Starts route files of {@code routes/} and {@code kamelets/} the way a user runs them: Camel Main loading the file
 * from disk, the mapiq component configured through properties, pointed at a simulator.
 */
final class RouteFiles implements AutoCloseable {

    /** The project's root folder, where routes/ and kamelets/ live. */
    static final Path PROJECT_ROOT = locateProjectRoot();

    private final Main main;

    private RouteFiles(Main main) {
        this.main = main;
    }

    /**
     * Loads {@code files} (relative to the project root) into a started Camel Main. The properties
     * {@code mapiq.timeZone=UTC} and the simulator's URLs and demo credentials are set; {@code properties} come on top.
     */
    static RouteFiles start(MapiqSimulator simulator, Map<String, String> properties, String... files) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("camel.component.mapiq.base-url", simulator.baseUrl());
        overrides.setProperty("camel.component.mapiq.token-url", simulator.tokenUrl());
        overrides.setProperty("camel.component.mapiq.client-id", MapiqSimulator.DEMO_CLIENT_ID);
        overrides.setProperty("camel.component.mapiq.client-secret", MapiqSimulator.DEMO_CLIENT_SECRET);
        overrides.setProperty("mapiq.timeZone", "UTC");
        overrides.putAll(properties);
        return start(overrides, null, files);
    }

    /**
     * Loads {@code files} as Camel K runs a Kamelet or a Pipe: the mapiq component left unconfigured, so that only the
     * Kamelets' parameters (given in the files or as {@code properties}, e.g.
     * {@code camel.kamelet.mapiq-source.clientId}) reach Mapiq. Messages sent to endpoints matching
     * {@code mockPattern} (e.g. {@code log:*}) also reach a {@code mock:} endpoint of the same URI, for assertions.
     */
    static RouteFiles startAsCamelK(Map<String, String> properties, String mockPattern, String... files) throws Exception {
        Properties overrides = new Properties();
        overrides.putAll(properties);
        return start(overrides, mockPattern, files);
    }

    private static RouteFiles start(Properties overrides, String mockPattern, String... files) throws Exception {
        Main main = new Main();
        StringBuilder pattern = new StringBuilder();
        for (String file : files) {
            Path path = PROJECT_ROOT.resolve(file);
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("No route file " + path);
            }
            pattern.append(pattern.isEmpty() ? "" : ",").append("file:").append(path);
        }
        if (!pattern.isEmpty()) {
            main.configure().withRoutesIncludePattern(pattern.toString());
        }
        main.configure().withName("route-file-test");
        if (mockPattern != null) {
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterConfigure(BaseMainSupport configured) {
                    configured.getCamelContext().getCamelContextExtension()
                            .registerEndpointCallback(new InterceptSendToMockEndpointStrategy(mockPattern));
                }
            });
        }
        overrides.putIfAbsent("camel.component.kamelet.location", "file:" + PROJECT_ROOT.resolve("kamelets"));
        main.setOverrideProperties(overrides);
        main.start();
        return new RouteFiles(main);
    }

    CamelContext context() {
        return main.getCamelContext();
    }

    /** Today as the simulator and the routes see it in these tests (UTC). */
    static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    @Override
    public void close() throws Exception {
        main.stop();
        main.shutdown();
    }

    private static Path locateProjectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("kamelets"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find the project root (a folder holding kamelets/)");
        }
        return dir;
    }
}
