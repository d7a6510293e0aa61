package io.github.camelmapiq.simulator;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Configures the simulator {@link MapiqSimulatorExtension} starts for an annotated test class. */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MapiqSimulatorConfig {
    long seed() default 42L;

    int users() default 50;

    long tokenLifetimeSeconds() default 3600;

    int rateLimitPerSecond() default 20;

    long checkinThrottleSeconds() default 60;

    int retentionDays() default 30;

    boolean bareArrays() default false;

    /** 0 picks a free port. */
    int port() default 0;
}
