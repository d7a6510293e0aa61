package io.github.camelmapiq.simulator;

import com.sun.net.httpserver.HttpServer;
import io.github.camelmapiq.simulator.api.ApiRoutes;
import io.github.camelmapiq.simulator.api.Credentials;
import io.github.camelmapiq.simulator.api.RateLimiter;
import io.github.camelmapiq.simulator.api.Settings;
import io.github.camelmapiq.simulator.api.Tokens;
import io.github.camelmapiq.simulator.api.WriteLog;
import io.github.camelmapiq.simulator.control.ControlHttp;
import io.github.camelmapiq.simulator.control.ControlImpl;
import io.github.camelmapiq.simulator.control.ControlTokenGuard;
import io.github.camelmapiq.simulator.data.DataStore;
import io.github.camelmapiq.simulator.data.DemoData;
import io.github.camelmapiq.simulator.data.RecordFactory;
import io.github.camelmapiq.simulator.fault.FaultInjector;
import io.github.camelmapiq.simulator.fault.Faults;
import io.github.camelmapiq.simulator.http.CallCounter;
import io.github.camelmapiq.simulator.http.HttpFront;
import io.github.camelmapiq.simulator.http.Json;
import io.github.camelmapiq.simulator.http.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An embeddable simulator of the Mapiq API (v2 and the retired v1) on one loopback port, with
 * deterministic demo data, so that clients can be developed and tested without Mapiq credentials.
 * Bound to another address, its HTTP control plane needs the {@link #controlToken() control token}.
 *
 * <p>Built on the JDK's {@code com.sun.net.httpserver} and Jackson only, so it shares a JVM with
 * Camel, Jetty and Hawtio without dependency clashes.
 *
 * <pre>{@code
 * try (MapiqSimulator sim = MapiqSimulator.builder().users(50).start()) {
 *     String token = ... POST sim.tokenUrl() with DEMO_CLIENT_ID / DEMO_CLIENT_SECRET / SCOPE
 *     GET sim.baseUrl() + "/v2/users"
 * }
 * }</pre>
 */
public final class MapiqSimulator implements AutoCloseable {

    /** A client application with every permission. */
    public static final String DEMO_CLIENT_ID = Credentials.DEMO_CLIENT_ID;
    public static final String DEMO_CLIENT_SECRET = Credentials.DEMO_CLIENT_SECRET;
    /** A client application with the read permissions only. */
    public static final String READONLY_CLIENT_ID = Credentials.READONLY_CLIENT_ID;
    public static final String READONLY_CLIENT_SECRET = Credentials.READONLY_CLIENT_SECRET;
    /** The only scope the v2 token endpoint accepts. */
    public static final String SCOPE = Credentials.SCOPE;

    /** v1 (ROPC): the {@code mapiq-api-key} header value. */
    public static final String V1_API_KEY = Credentials.V1_API_KEY;
    /** v1 (ROPC): the {@code client_id} form value. */
    public static final String V1_CLIENT_ID = Credentials.V1_CLIENT_ID;
    public static final String V1_USERNAME = Credentials.V1_USERNAME;
    public static final String V1_PASSWORD = Credentials.V1_PASSWORD;
    /** v1 (ROPC): the {@code scope} form value. */
    public static final String V1_SCOPE = Credentials.V1_SCOPE;
    /** v1 (ROPC): the {@code response_type} form value. */
    public static final String V1_RESPONSE_TYPE = Credentials.V1_RESPONSE_TYPE;

    public static final String TOKEN_PATH = Credentials.TOKEN_PATH;
    public static final String V1_TOKEN_PATH = Credentials.V1_TOKEN_PATH;
    /** The header that carries the control token on {@code /_simulator} calls; see {@link #controlToken()}. */
    public static final String CONTROL_TOKEN_HEADER = ControlTokenGuard.HEADER;

    static {
        // Without TCP_NODELAY the JDK server answers keep-alive clients ~40 ms late (Nagle + delayed ACK).
        // It is read once when the server classes initialise, hence here, before any server exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ControlImpl control;
    private final String baseUrl;
    private final String controlToken;

    /** Wires the parts: every service gets its collaborators here, through its constructor. */
    private MapiqSimulator(Builder b) {
        Settings settings = new Settings(b.clock, b.tokenLifetime, b.rateLimitPerSecond, b.checkinThrottle,
                b.retentionDays, b.bareArrays);
        DataStore store = new DataStore();
        store.load(new DemoData(b.seed).generate(b.users, LocalDate.now(b.clock), b.clock.instant()));
        RecordFactory records = new RecordFactory(store, b.clock);
        Tokens tokens = new Tokens(settings);
        RateLimiter limiter = new RateLimiter();
        Faults faults = new Faults();
        CallCounter counter = new CallCounter();
        WriteLog log = new WriteLog();
        Json json = new Json();
        Problems problems = new Problems(json);
        this.control = new ControlImpl(store, records, settings, tokens, limiter, faults, counter, log);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(b.threads, r -> {
            Thread t = new Thread(r, "mapiq-simulator-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(b.host, b.port), 1024);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot listen on " + b.host + ":" + b.port + ": " + e.getMessage(), e);
        }
        String host = b.host.contains(":") ? "[" + b.host + "]" : b.host;
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        ApiRoutes api = new ApiRoutes(store, records, settings, tokens, limiter, log, json, problems);
        FaultInjector faulty = new FaultInjector(faults, api, Credentials::isTokenPath, problems);
        ControlHttp controlPlane = new ControlHttp(control, store, faults, settings, json, problems, baseUrl);
        boolean guarded = b.requireControlToken || !server.getAddress().getAddress().isLoopbackAddress();
        this.controlToken = guarded ? ControlTokenGuard.newToken() : null;
        server.createContext("/", new HttpFront(faulty, guarded ? new ControlTokenGuard(controlToken, controlPlane,
                problems) : controlPlane, Credentials::isTokenPath, counter, problems));
        server.setExecutor(executor);
        server.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** API base, e.g. {@code http://127.0.0.1:8089}; v2 calls are {@code baseUrl() + "/v2/..."}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The v2 client-credentials token endpoint. */
    public String tokenUrl() {
        return baseUrl + TOKEN_PATH;
    }

    /** The v1 ROPC token endpoint. */
    public String v1TokenUrl() {
        return baseUrl + V1_TOKEN_PATH;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The address the simulator listens on (the wildcard address {@code 0.0.0.0} when bound to every interface). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /**
     * The token every {@code /_simulator} call must carry in the header {@value #CONTROL_TOKEN_HEADER}: random, made
     * at start, present when the simulator listens on an address other than loopback (or was built with
     * {@link Builder#requireControlToken(boolean) requireControlToken(true)}); empty on loopback, where the control
     * plane needs no token. {@link #control()} needs none either way.
     */
    public Optional<String> controlToken() {
        return Optional.ofNullable(controlToken);
    }

    public SimulatorControl control() {
        return control;
    }

    /** Stops serving at once and frees the port. */
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** Configures and starts a simulator; every setting has a sensible default. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private long seed = 42L;
        private int users = 50;
        private Duration tokenLifetime = Duration.ofHours(1);
        private int rateLimitPerSecond = 20;
        private Duration checkinThrottle = Duration.ofSeconds(60);
        private int retentionDays = 30;
        private boolean bareArrays;
        private Clock clock = Clock.systemUTC();
        private int threads = Math.max(8, 4 * Runtime.getRuntime().availableProcessors());
        private boolean requireControlToken;

        private Builder() {
        }

        /** Interface to bind; 127.0.0.1 by default. Any address other than loopback guards the control plane. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /** Same seed, user count and day give the same data. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /**
         * Drives the data size: about 20 workspace reservations, 5 parking reservations, 40
         * workdays and 18 check-in events per user (50,000 users give about a million workspace
         * reservations).
         */
        public Builder users(int users) {
            if (users < 0) {
                throw new IllegalArgumentException("users must be at least 0, not " + users);
            }
            this.users = users;
            return this;
        }

        /** Lifetime of issued tokens; at least one second. */
        public Builder tokenLifetime(Duration d) {
            this.tokenLifetime = Settings.checkTokenLifetime(d);
            return this;
        }

        /** Requests per second per client application (burst of one second); 0 disables; negative is refused. */
        public Builder rateLimitPerSecond(int perSecond) {
            this.rateLimitPerSecond = Settings.checkRateLimit(perSecond);
            return this;
        }

        /** Minimum time between check-in events posted for one user (by the clock); zero disables. */
        public Builder checkinThrottle(Duration window) {
            this.checkinThrottle = Settings.checkCheckinThrottle(window);
            return this;
        }

        /** Date-bounded lists leave out data dated before today minus this many days. */
        public Builder retentionDays(int days) {
            this.retentionDays = Settings.checkRetentionDays(days);
            return this;
        }

        /** true: lists answer a bare JSON array of every matching record instead of pages. */
        public Builder bareArrays(boolean bare) {
            this.bareArrays = bare;
            return this;
        }

        /** "Today" for the demo data, token expiry and the check-in throttle; see {@link MutableClock}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Request threads (default max(8, 4 x cores)). */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, not " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** true: the control plane needs a control token on loopback too (it always does on other addresses). */
        public Builder requireControlToken(boolean require) {
            this.requireControlToken = require;
            return this;
        }

        public MapiqSimulator start() {
            return new MapiqSimulator(this);
        }
    }
}
