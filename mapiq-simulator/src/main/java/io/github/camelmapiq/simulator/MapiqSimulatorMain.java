package io.github.camelmapiq.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code java -jar mapiq-simulator.jar --port 8089}. Prints the
 * URLs and demo credentials, then serves until killed.
 */
public final class MapiqSimulatorMain {

    private MapiqSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        MapiqSimulator sim;
        try {
            sim = run(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (sim == null) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "mapiq-simulator-shutdown"));
        new CountDownLatch(1).await();
    }

    /** Starts a simulator from command-line arguments and prints how to use it; null after {@code --help}. */
    public static MapiqSimulator run(String[] args, PrintStream out) {
        MapiqSimulator.Builder b = MapiqSimulator.builder().port(8089);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> {
                    out.println(usage());
                    return null;
                }
                case "--port" -> b.port(intArg(args, ++i, a));
                case "--host" -> b.host(arg(args, ++i, a));
                case "--seed" -> b.seed(Long.parseLong(arg(args, ++i, a)));
                case "--users" -> b.users(intArg(args, ++i, a));
                case "--token-lifetime" -> b.tokenLifetime(Duration.ofSeconds(intArg(args, ++i, a)));
                case "--rate-limit" -> b.rateLimitPerSecond(intArg(args, ++i, a));
                case "--checkin-throttle" -> b.checkinThrottle(Duration.ofSeconds(intArg(args, ++i, a)));
                case "--retention-days" -> b.retentionDays(intArg(args, ++i, a));
                case "--bare-arrays" -> b.bareArrays(true);
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        MapiqSimulator sim = b.start();
        out.println("Mapiq simulator listening");
        out.println("  base URL        " + sim.baseUrl() + "   (v2: " + sim.baseUrl() + "/v2/...)");
        out.println("  token URL       " + sim.tokenUrl());
        out.println("  scope           " + MapiqSimulator.SCOPE);
        out.println("  client          " + MapiqSimulator.DEMO_CLIENT_ID + " / " + MapiqSimulator.DEMO_CLIENT_SECRET
                + "   (every permission)");
        out.println("  read-only       " + MapiqSimulator.READONLY_CLIENT_ID + " / "
                + MapiqSimulator.READONLY_CLIENT_SECRET);
        out.println("  v1 token URL    " + sim.v1TokenUrl() + "   mapiq-api-key: " + MapiqSimulator.V1_API_KEY
                + ", client_id " + MapiqSimulator.V1_CLIENT_ID + ", user " + MapiqSimulator.V1_USERNAME + " / "
                + MapiqSimulator.V1_PASSWORD);
        out.println("  control plane   " + sim.baseUrl() + "/_simulator");
        out.flush();
        return sim;
    }

    private static String arg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intArg(String[] args, int i, String option) {
        try {
            return Integer.parseInt(arg(args, i, option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number");
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar mapiq-simulator.jar [options]",
                "  --port N               port to listen on (default 8089; 0 picks a free port)",
                "  --host H               interface to bind (default 127.0.0.1)",
                "  --seed N               demo data seed (default 42)",
                "  --users N              demo users; about 20 workspace reservations each (default 50)",
                "  --token-lifetime S     token lifetime in seconds (default 3600)",
                "  --rate-limit N         requests per second per client application, 0 = off (default 20)",
                "  --checkin-throttle S   seconds between check-ins of one user, 0 = off (default 60)",
                "  --retention-days N     data older than this many days is not returned (default 30)",
                "  --bare-arrays          lists answer bare JSON arrays instead of pages",
                "  --help                 this text");
    }
}
