package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * JUnit 5 extension: one started simulator per test class (shared with its nested classes),
 * closed after all its tests.
 *
 * <pre>{@code
 * @ExtendWith(MapiqSimulatorExtension.class)
 * @MapiqSimulatorConfig(users = 10)
 * class MyTest {
 *     @Test void reads(MapiqSimulator sim) { ... }
 * }
 *
 * class MyOtherTest {
 *     @RegisterExtension
 *     static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(10).build();
 *     @Test void reads() { sim.simulator().baseUrl(); ... }
 * }
 * }</pre>
 *
 * <p>Parameters (method or constructor) and {@link SimulatorInstance} fields of type
 * {@link MapiqSimulator} or {@link SimulatorControl} are filled in.
 */
public final class MapiqSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, AfterEachCallback, TestInstancePostProcessor,
        ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MapiqSimulatorExtension.class);

    /** Set when built programmatically: this extension then owns its simulator. */
    private final MapiqSimulator.Builder builder;
    private MapiqSimulator owned;
    private String ownerContextId;

    /** Used by {@code @ExtendWith}: configured by {@link MapiqSimulatorConfig} on the test class. */
    public MapiqSimulatorExtension() {
        this.builder = null;
    }

    private MapiqSimulatorExtension(MapiqSimulator.Builder builder) {
        this.builder = builder;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The simulator of a programmatically registered extension, started on first use. */
    public synchronized MapiqSimulator simulator() {
        if (builder == null) {
            throw new IllegalStateException("simulator() is for extensions built with MapiqSimulatorExtension.builder();"
                    + " with @ExtendWith take a MapiqSimulator parameter or a @SimulatorInstance field");
        }
        if (owned == null) {
            owned = builder.start();
        }
        return owned;
    }

    /** Shorthand for {@code simulator().control()}. */
    public SimulatorControl control() {
        return simulator().control();
    }

    private static final class Closer implements ExtensionContext.Store.CloseableResource {
        final MapiqSimulator sim;

        Closer(MapiqSimulator sim) {
            this.sim = sim;
        }

        @Override
        public void close() {
            sim.close();
        }
    }

    private MapiqSimulator simulator(ExtensionContext context) {
        if (builder != null) {
            return simulator();
        }
        ExtensionContext top = context;
        while (top.getParent().isPresent() && top.getParent().get().getParent().isPresent()) {
            top = top.getParent().get();
        }
        Class<?> testClass = top.getRequiredTestClass();
        return top.getStore(NS).getOrComputeIfAbsent("simulator", k -> new Closer(fromConfig(testClass)),
                Closer.class).sim;
    }

    private static MapiqSimulator fromConfig(Class<?> testClass) {
        MapiqSimulatorConfig c = null;
        for (Class<?> k = testClass; k != null && c == null; k = k.getEnclosingClass()) {
            c = k.getAnnotation(MapiqSimulatorConfig.class);
        }
        MapiqSimulator.Builder b = MapiqSimulator.builder();
        if (c != null) {
            b.seed(c.seed()).users(c.users()).tokenLifetime(Duration.ofSeconds(c.tokenLifetimeSeconds()))
                    .rateLimitPerSecond(c.rateLimitPerSecond())
                    .checkinThrottle(Duration.ofSeconds(c.checkinThrottleSeconds())).retentionDays(c.retentionDays())
                    .bareArrays(c.bareArrays()).port(c.port());
        }
        return b.start();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (builder != null) {
            synchronized (this) {
                if (ownerContextId == null) {
                    ownerContextId = context.getUniqueId();
                }
            }
        }
        inject(context.getRequiredTestClass(), null, context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (builder != null) {
            synchronized (this) {
                if (context.getUniqueId().equals(ownerContextId) && owned != null) {
                    owned.close();
                    owned = null;
                    ownerContextId = null;
                }
            }
        }
    }

    /**
     * An extension in an instance field is created per test instance and JUnit never calls its
     * {@code beforeAll}/{@code afterAll}: with the default per-method lifecycle each test gets its own
     * simulator, closed here after the test, instead of one leaked server per test.
     */
    @Override
    public void afterEach(ExtensionContext context) {
        if (builder == null || context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD)
                != TestInstance.Lifecycle.PER_METHOD) {
            return;
        }
        synchronized (this) {
            if (ownerContextId == null && owned != null) {
                owned.close();
                owned = null;
            }
        }
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        inject(testInstance.getClass(), testInstance, context);
    }

    private void inject(Class<?> type, Object instance, ExtensionContext context) throws IllegalAccessException {
        for (Class<?> k = type; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (!f.isAnnotationPresent(SimulatorInstance.class)
                        || Modifier.isStatic(f.getModifiers()) != (instance == null)) {
                    continue;
                }
                f.setAccessible(true);
                if (f.getType() == MapiqSimulator.class) {
                    f.set(instance, simulator(context));
                } else if (f.getType() == SimulatorControl.class) {
                    f.set(instance, simulator(context).control());
                } else {
                    throw new IllegalStateException("@SimulatorInstance field " + f + " must be a MapiqSimulator or a"
                            + " SimulatorControl");
                }
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) throws ParameterResolutionException {
        Class<?> t = p.getParameter().getType();
        return t == MapiqSimulator.class || t == SimulatorControl.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) throws ParameterResolutionException {
        MapiqSimulator sim = simulator(e);
        return p.getParameter().getType() == SimulatorControl.class ? sim.control() : sim;
    }

    /** Programmatic configuration, same settings as {@link MapiqSimulator.Builder}. */
    public static final class Builder {
        private final MapiqSimulator.Builder b = MapiqSimulator.builder();

        private Builder with(Consumer<MapiqSimulator.Builder> c) {
            c.accept(b);
            return this;
        }

        public Builder host(String host) {
            return with(x -> x.host(host));
        }

        public Builder port(int port) {
            return with(x -> x.port(port));
        }

        public Builder seed(long seed) {
            return with(x -> x.seed(seed));
        }

        public Builder users(int users) {
            return with(x -> x.users(users));
        }

        public Builder tokenLifetime(Duration d) {
            return with(x -> x.tokenLifetime(d));
        }

        public Builder rateLimitPerSecond(int n) {
            return with(x -> x.rateLimitPerSecond(n));
        }

        public Builder checkinThrottle(Duration d) {
            return with(x -> x.checkinThrottle(d));
        }

        public Builder retentionDays(int days) {
            return with(x -> x.retentionDays(days));
        }

        public Builder bareArrays(boolean bare) {
            return with(x -> x.bareArrays(bare));
        }

        public Builder clock(Clock clock) {
            return with(x -> x.clock(clock));
        }

        /** true: the control plane needs {@link MapiqSimulator#controlToken()} on loopback too. */
        public Builder requireControlToken(boolean require) {
            return with(x -> x.requireControlToken(require));
        }

        public MapiqSimulatorExtension build() {
            return new MapiqSimulatorExtension(b);
        }
    }
}
