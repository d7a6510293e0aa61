package io.github.camelmapiq.routes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import javax.sql.DataSource;

import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.master.MasterConsumer;
import org.apache.camel.component.zookeeper.cluster.ZooKeeperClusterService;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One replica of an application running {@code routes/presence-changes-replicated.yaml}, in a JVM of its own so that
 * a test can kill it for real: Camel Main with the route file, ZooKeeper as its cluster service (set up as the user
 * guide shows), and the consumer's cursor in the PostgreSQL database every replica shares.
 * <p>
 * Arguments: the replica's name, the ZooKeeper connect string, the simulator's base URL, its token URL, and a work
 * folder. The state database is given by system properties {@code replica.stateDb.url} (JDBC URL) and
 * {@code replica.stateDb.user}; the client secret comes from the environment ({@code MAPIQ_CLIENT_SECRET}), never the
 * command line. Each delivered event becomes a file in {@code <work>/out/<name>/}; every 100 ms the replica writes
 * {@code <work>/<name>.stats} ({@code calls=<Mapiq calls of its component>} and {@code leader=<true|false>}).
 */
public final class ReplicaMain {

    /** The route id in {@code presence-changes-replicated.yaml}. */
    static final String ROUTE_ID = "mapiq-presence-changes-leader";

    private ReplicaMain() {
    }

    public static void main(String[] args) throws Exception {
        String name = args[0];
        Path work = Path.of(args[4]);
        Properties properties = new Properties();
        properties.setProperty("camel.main.name", name);
        properties.setProperty("camel.main.routes-include-pattern",
                "file:" + RouteFiles.PROJECT_ROOT.resolve("routes/presence-changes-replicated.yaml"));
        properties.setProperty("camel.component.mapiq.base-url", args[2]);
        properties.setProperty("camel.component.mapiq.token-url", args[3]);
        properties.setProperty("camel.component.mapiq.client-id", MapiqSimulator.DEMO_CLIENT_ID);
        properties.setProperty("camel.component.mapiq.client-secret", "{{env:MAPIQ_CLIENT_SECRET}}");
        // the route's own properties
        properties.setProperty("presence.delay", "500");
        properties.setProperty("presence.maxMessagesPerPoll", System.getProperty("replica.batch", "5"));
        properties.setProperty("presence.uri", "file:" + work.resolve("out").resolve(name)
                                               + "?fileName=${exchangeId}.json&tempPrefix=.writing-");

        // ZooKeeper as the cluster service, as in the user guide's "Running replicas"
        ZooKeeperClusterService cluster = new ZooKeeperClusterService();
        cluster.setId(name);
        cluster.setNodes(args[1]);
        cluster.setBasePath("/camel/mapiq");
        cluster.setSessionTimeout(Long.getLong("replica.sessionTimeout", 3000));

        Main main = new Main();
        main.bind("presenceStateDb", sharedState(System.getProperty("replica.stateDb.url"),
                System.getProperty("replica.stateDb.user")));
        main.setOverrideProperties(properties);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void beforeConfigure(BaseMainSupport configuring) {
                try {
                    configuring.getCamelContext().addService(cluster);
                } catch (Exception e) {
                    throw new IllegalStateException("Cannot add the cluster service", e);
                }
            }

            @Override
            public void afterStart(BaseMainSupport started) {
                Thread reporter = new Thread(() -> report(started.getCamelContext(), work.resolve(name + ".stats")),
                        "replica-stats");
                reporter.setDaemon(true);
                reporter.start();
            }
        });
        main.run();
    }

    /**
     * The database every replica shares, for the route's {@code stateDataSource}: the consumer reads its cursor there
     * each time its replica takes the lead, and stores each poll's cursor in one transaction.
     */
    static DataSource sharedState(String url, String user) {
        if (url == null || user == null) {
            throw new IllegalArgumentException("Set the system properties replica.stateDb.url and replica.stateDb.user: "
                                               + "the PostgreSQL database of the replicas' shared state");
        }
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        return dataSource;
    }

    private static void report(CamelContext context, Path stats) {
        Path next = stats.resolveSibling(stats.getFileName() + ".next");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                long calls = context.getComponent("mapiq", MapiqComponent.class).getCalls();
                Route route = context.getRoute(ROUTE_ID);
                boolean leader = route != null && route.getConsumer() instanceof MasterConsumer master && master.isMaster();
                Files.writeString(next, "calls=" + calls + "\nleader=" + leader + "\n", StandardCharsets.UTF_8);
                Files.move(next, stats, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                System.err.println("replica stats: " + e);
            }
        }
    }
}
