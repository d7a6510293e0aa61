package io.github.camelmapiq.simulator;

import java.time.Clock;
import java.time.Duration;

/**
 * The knobs a test may turn while the simulator runs; volatile because request threads read them.
 * The builder, {@link SimulatorControl} and the HTTP control plane all validate through the
 * {@code check...} methods, so a bad value is refused the same way everywhere and never clamped.
 */
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
        this.tokenLifetime = checkTokenLifetime(tokenLifetime);
        this.rateLimitPerSecond = checkRateLimit(rateLimitPerSecond);
        this.checkinThrottle = checkCheckinThrottle(checkinThrottle);
        this.retentionDays = checkRetentionDays(retentionDays);
        this.bareArrays = bareArrays;
    }

    static Duration checkTokenLifetime(Duration d) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tokenLifetime must be at least 1 second, not " + d);
        }
        return d;
    }

    static int checkRateLimit(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must be at least 0 (0 disables the limit), not "
                    + perSecond);
        }
        return perSecond;
    }

    static Duration checkCheckinThrottle(Duration window) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("checkinThrottle must be at least 0 seconds (0 disables it), not "
                    + window);
        }
        return window;
    }

    static int checkRetentionDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("retentionDays must be at least 0, not " + days);
        }
        return days;
    }
}
