package io.github.camelmapiq.simulator;

import java.time.Clock;
import java.time.Duration;

/** The knobs a test may turn while the simulator runs; volatile because request threads read them. */
final class Settings {
    final Clock clock;
    volatile Duration tokenLifetime;
    volatile int rateLimitPerSecond;
    volatile Duration checkinThrottle;
    volatile int retentionDays;
    volatile boolean bareArrays;

    Settings(Clock clock, Duration tokenLifetime, int rateLimitPerSecond, Duration checkinThrottle,
            int retentionDays, boolean bareArrays) {
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.rateLimitPerSecond = rateLimitPerSecond;
        this.checkinThrottle = checkinThrottle;
        this.retentionDays = retentionDays;
        this.bareArrays = bareArrays;
    }
}
