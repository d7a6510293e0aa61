package io.github.camelmapiq.examples.hawtio;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.MainListenerSupport;
import org.apache.camel.main.MainSupport;
import org.apache.camel.spi.PropertiesComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the Hawtio console once Camel is up (so its MBeans are there to see) and stops it before Camel stops.
 * <p>
 * Its settings are Camel properties, so {@code application.properties}, {@code -D} system properties and the
 * environment all work: {@code hawtio.host} (default {@code 127.0.0.1}), {@code hawtio.port} (default {@code 8080};
 * 0 picks a free port) and {@code hawtio.war} (the Hawtio web application; the build sets it).
 */
public final class HawtioConsoleLifecycle extends MainListenerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(HawtioConsoleLifecycle.class);

    private final CompletableFuture<HawtioConsole> started = new CompletableFuture<>();

    /** Completes with the running console, or exceptionally if it could not start (Camel is then stopped). */
    public CompletableFuture<HawtioConsole> started() {
        return started;
    }

    @Override
    public void afterStart(BaseMainSupport main) {
        try {
            PropertiesComponent properties = main.getCamelContext().getPropertiesComponent();
            HawtioConsole console = HawtioConsole.start(
                    properties.resolveProperty("hawtio.host").orElse("127.0.0.1"),
                    Integer.parseInt(properties.resolveProperty("hawtio.port").orElse("8080")),
                    Path.of(properties.resolveProperty("hawtio.war").orElseThrow(
                            () -> new IllegalStateException("hawtio.war is not set: give the path of the Hawtio web "
                                                            + "application (mvn exec:java sets it)"))));
            LOG.info("Hawtio console of Camel context {}: {}", main.getCamelContext().getName(), console.url());
            started.complete(console);
        } catch (Exception e) {
            LOG.error("Hawtio did not start, stopping Camel: {}", e.getMessage(), e);
            started.completeExceptionally(e);
            ((MainSupport) main).completed();
        }
    }

    @Override
    public void beforeStop(BaseMainSupport main) {
        HawtioConsole console = started.getNow(null);
        if (console != null) {
            try {
                console.close();
            } catch (Exception e) {
                LOG.warn("Hawtio did not stop cleanly: {}", e.getMessage(), e);
            }
        }
    }
}
