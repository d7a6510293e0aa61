package io.github.camelmapiq.examples.hawtio;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerCollection;
import org.slf4j.Logger;

/**
 * The Hawtio 3 web console served by Hawtio's own embedded launcher ({@code io.hawt.embedded.Main}, Jetty 10) in
 * this JVM, where its Jolokia agent sees the platform MBean server and so Camel's MBeans.
 * <p>
 * The launcher keeps its Jetty server to itself; {@link Launcher} picks it up through the protected plugin hook the
 * launcher calls while assembling the server, so the console can report the port it really bound (port 0 picks a
 * free one) and be stopped with the application.
 */
public final class HawtioConsole implements AutoCloseable {

    /** Where Hawtio answers under the server root. */
    public static final String CONTEXT_PATH = "/hawtio";

    private final Server server;
    private final String host;
    private final int port;

    private HawtioConsole(Server server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /**
     * Serves the Hawtio web application {@code war} (a war file or an unpacked one) on {@code host:port}
     * ({@code port} 0: any free port).
     * <p>
     * Unless already set, Hawtio's login is switched off ({@code hawtio.authenticationEnabled=false}: this is a local
     * demo, so bind it to a loopback address) and so is its proxy servlet ({@code hawtio.disableProxy=true}: it would
     * let any caller reach other services on this host through Hawtio, and the console only needs this JVM).
     */
    public static HawtioConsole start(String host, int port, Path war) throws Exception {
        if (!Files.exists(war)) {
            throw new IllegalArgumentException("hawtio.war: no Hawtio web application at " + war.toAbsolutePath()
                                               + "; the build unpacks io.hawt:hawtio-war there (mvn install)");
        }
        defaultSystemProperty("hawtio.authenticationEnabled", "false");
        defaultSystemProperty("hawtio.disableProxy", "true");

        Launcher launcher = new Launcher();
        launcher.setHost(host);
        launcher.setPort(port);
        launcher.setContextPath(CONTEXT_PATH);
        launcher.setWar(war.toString());
        launcher.showWelcome(false);
        try {
            launcher.run(false);
        } catch (Exception e) {
            launcher.stopServer();
            throw e;
        }
        ServerConnector connector = (ServerConnector) launcher.server.getConnectors()[0];
        return new HawtioConsole(launcher.server, host, connector.getLocalPort());
    }

    /** The console's address, e.g. {@code http://127.0.0.1:8080/hawtio/}. */
    public String url() {
        return "http://" + host + ":" + port + CONTEXT_PATH + "/";
    }

    /** The port Hawtio listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static void defaultSystemProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    /** Hawtio's launcher, made to hand over the Jetty server it builds. */
    private static final class Launcher extends io.hawt.embedded.Main {

        private Server server;

        @Override
        protected void findThirdPartyPlugins(Logger log, HandlerCollection handlers, File tempDir) {
            server = handlers.getServer();
            super.findThirdPartyPlugins(log, handlers, tempDir);
        }

        void stopServer() throws Exception {
            if (server != null) {
                server.stop();
            }
        }
    }
}
