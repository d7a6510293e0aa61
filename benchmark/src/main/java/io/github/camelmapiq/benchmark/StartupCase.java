package io.github.camelmapiq.benchmark;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;

/**
 * The main class of a fresh JVM that measures how long a serverless or Camel K user waits: from the JVM's start to
 * the first record of {@code GET /v2/users}, either delivered by a {@code mapiq:users} consumer in Camel Main (the
 * component set up from {@code camel.component.mapiq.*} properties, as a Camel K or JBang user does) or read from the
 * first page by the plain client. Prints {@value #PREFIX} and the milliseconds, then exits.
 *
 * <p>Arguments: {@code <plain|consumer> <baseUrl> <tokenUrl>}.
 */
public final class StartupCase {

    static final String PREFIX = "@@STARTUP ";
    static final String PLAIN = "plain";
    static final String CONSUMER = "consumer";

    private StartupCase() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.exitWhenParentEnds();
        int exit = 0;
        try {
            if (PLAIN.equals(args[0])) {
                try (PlainClient client = new PlainClient(args[1], args[2], 2)) {
                    client.get("/v2/users?pageSize=100");
                    report();
                }
            } else {
                consumer(args[1], args[2]);
            }
        } catch (Throwable e) {
            System.out.println("@@FAIL " + Rounds.describe(e));
            exit = 1;
        }
        System.out.flush();
        Runtime.getRuntime().halt(exit); // no graceful stop of Camel Main (its shutdown hook would wait for the route)
    }

    private static void consumer(String baseUrl, String tokenUrl) throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        Main main = new Main();
        main.addInitialProperty("camel.component.mapiq.baseUrl", baseUrl);
        main.addInitialProperty("camel.component.mapiq.tokenUrl", tokenUrl);
        main.addInitialProperty("camel.component.mapiq.clientId", MapiqSimulator.DEMO_CLIENT_ID);
        main.addInitialProperty("camel.component.mapiq.clientSecret", MapiqSimulator.DEMO_CLIENT_SECRET);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?initialDelay=0&delay=60000").routeId("startup").process(exchange -> {
                    if (first.getCount() > 0) {
                        report();
                        first.countDown();
                    }
                });
            }
        });
        main.start();
        if (!first.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("no record within 5 minutes");
        }
    }

    private static void report() {
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(PREFIX + sinceStart);
        System.out.flush();
    }
}
