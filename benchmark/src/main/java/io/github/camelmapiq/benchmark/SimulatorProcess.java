package io.github.camelmapiq.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * The Mapiq simulator in a JVM of its own (its standalone command line, via {@link SimulatorChild}), on 127.0.0.1,
 * a free port, rate limit and check-in throttle off, so that the measuring JVM holds only clients.
 */
final class SimulatorProcess implements AutoCloseable {

    private static final Pattern BASE_URL = Pattern.compile("base URL\\s+(http://\\S+)");
    private static final Pattern CONTROL_TOKEN = Pattern.compile("control token\\s+(\\S+)");
    /** The line the command line prints after the base URL and the control token (if it has one). */
    private static final Pattern CONTROL_PLANE = Pattern.compile("control plane\\s+http://");

    private final ChildJvm jvm;
    private final String baseUrl;
    private final Duration startup;
    private final ControlPlane control;

    private SimulatorProcess(ChildJvm jvm, Printed printed, Duration startup) {
        this.jvm = jvm;
        this.baseUrl = printed.baseUrl();
        this.startup = startup;
        this.control = new ControlPlane(baseUrl, printed.controlToken());
    }

    /** What the simulator printed at start: its base URL and its control token (null when it has none). */
    private record Printed(String baseUrl, String controlToken) {
    }

    /** Starts the simulator and waits (at most {@code bound}) until it serves; it has generated its data by then. */
    static SimulatorProcess start(int users, String heap, Duration bound) throws Exception {
        CompletableFuture<Printed> url = new CompletableFuture<>();
        String[] seen = new String[2]; // base URL, control token: written and read on the reader thread only
        long t0 = System.nanoTime();
        ChildJvm jvm = ChildJvm.start("mapiq-simulator", heap, SimulatorChild.class.getName(),
                List.of("--host", "127.0.0.1", "--port", "0", "--seed", "42", "--users", String.valueOf(users),
                        "--rate-limit", "0", "--checkin-throttle", "0", "--token-lifetime", "3600"),
                line -> {
                    Matcher m = BASE_URL.matcher(line);
                    if (m.find()) {
                        seen[0] = m.group(1);
                    }
                    Matcher t = CONTROL_TOKEN.matcher(line);
                    if (t.find()) {
                        seen[1] = t.group(1);
                    }
                    if (CONTROL_PLANE.matcher(line).find() && seen[0] != null) {
                        url.complete(new Printed(seen[0], seen[1]));
                    }
                });
        try {
            Printed printed = awaitUrl(url, jvm, bound);
            return new SimulatorProcess(jvm, printed, Duration.ofNanos(System.nanoTime() - t0));
        } catch (Exception | Error e) {
            jvm.close();
            throw e;
        }
    }

    private static Printed awaitUrl(CompletableFuture<Printed> url, ChildJvm jvm, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                return url.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (!jvm.isAlive()) {
                    throw new IllegalStateException("The simulator JVM ended before serving"
                                                    + (jvm.ranOutOfMemory() ? " (OUT OF MEMORY)" : "") + ": "
                                                    + jvm.errorTail());
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        throw new IllegalStateException("The simulator did not serve within " + bound.toSeconds() + " s");
    }

    String baseUrl() {
        return baseUrl;
    }

    String tokenUrl() {
        return baseUrl + "/api/public/oauth2/token";
    }

    /** From the start of its JVM to serving: mostly generating the data. */
    Duration startup() {
        return startup;
    }

    long pid() {
        return jvm.pid();
    }

    /** Its HTTP control plane. */
    ControlPlane control() {
        return control;
    }

    @Override
    public void close() {
        jvm.close();
    }
}
