package io.github.camelmapiq.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator standalone: {@code java -jar mapiq-simulator.jar --port 8089}. Prints the
 * URLs and demo credentials (and, when it listens on an address other than loopback, the control token and a
 * warning), then serves until killed.
 */
public final class MapiqSimulatorMain {

    private MapiqSimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Launch launch = launch(args, System.out, System.err);
        if (launch.simulator() == null) {
            System.exit(launch.exitCode());
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(launch.simulator()::close, "mapiq-simulator-shutdown"));
        new CountDownLatch(1).await();
    }

    /** The outcome of a command line: the started simulator (null if none) and the process exit code. */
    public record Launch(MapiqSimulator simulator, int exitCode) {
    }

    /**
     * Runs a command line the way {@code main} does, without exiting: a bad option prints a one-line
     * reason and the usage to {@code err} (exit code 2), a port that cannot be bound prints a
     * one-line reason (exit code 1), {@code --help} prints the usage to {@code out} (exit code 0).
     */
    public static Launch launch(String[] args, PrintStream out, PrintStream err) {
        try {
            return new Launch(run(args, out), 0);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.println(usage());
            return new Launch(null, 2);
        } catch (UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            return new Launch(null, 1);
        }
    }

    /** Starts a simulator from command-line arguments and prints how to use it; null after {@code --help}. */
    public static MapiqSimulator run(String[] args, PrintStream out) {
        MapiqSimulator.Builder b = MapiqSimulator.builder().port(8089);
        String host = "127.0.0.1";
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(usage());
                return null;
            }
            if (a.equals("--bare-arrays")) {
                b.bareArrays(true);
                continue;
            }
            String value = arg(args, ++i, a);
            try {
                switch (a) {
                    case "--port" -> b.port(intArg(value));
                    case "--host" -> b.host(host = value);
                    case "--seed" -> b.seed(longArg(value));
                    case "--users" -> b.users(intArg(value));
                    case "--token-lifetime" -> b.tokenLifetime(Duration.ofSeconds(longArg(value)));
                    case "--rate-limit" -> b.rateLimitPerSecond(intArg(value));
                    case "--checkin-throttle" -> b.checkinThrottle(Duration.ofSeconds(longArg(value)));
                    case "--retention-days" -> b.retentionDays(intArg(value));
                    default -> throw new IllegalStateException("option " + a + " is known but not handled");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(a + " " + value + ": " + e.getMessage());
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
        sim.controlToken().ifPresent(token -> out.println("  control token   " + token + "   (header "
                + MapiqSimulator.CONTROL_TOKEN_HEADER + " on every control-plane call)"));
        out.println("  control plane   " + sim.baseUrl() + "/_simulator");
        if (!sim.address().getAddress().isLoopbackAddress()) {
            out.println(exposedWarning(host));
        }
        out.flush();
        return sim;
    }

    /** Said when the simulator listens on an address other than loopback. */
    private static String exposedWarning(String host) {
        return String.join(System.lineSeparator(),
                "WARNING: listening on " + host + ", not on loopback: the simulator is reachable from other machines.",
                "         Its API accepts any registered client (the demo credentials above are public).",
                "         Its control plane (/_simulator) is protected by the control token above: send it in the",
                "         header " + MapiqSimulator.CONTROL_TOKEN_HEADER + ".");
    }

    private static String arg(String[] args, int i, String option) {
        if (!KNOWN.contains(option)) {
            throw new IllegalArgumentException("unknown option " + option);
        }
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** The options that take a value. */
    private static final java.util.Set<String> KNOWN = java.util.Set.of("--port", "--host", "--seed", "--users",
            "--token-lifetime", "--rate-limit", "--checkin-throttle", "--retention-days");

    private static int intArg(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static long longArg(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    static String usage() {
        return String.join(System.lineSeparator(),
                "usage: java -jar mapiq-simulator.jar [options]",
                "  --port N               port to listen on (default 8089; 0 picks a free port)",
                "  --host H               interface to bind (default 127.0.0.1); on any other than loopback the",
                "                         control plane needs the control token printed at start",
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
