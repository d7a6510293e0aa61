package io.github.camelmapiq.simulator.api;

import java.time.Clock;
import java.time.Duration;

/**
 * The knobs a test may turn while the simulator runs; volatile because request threads read them.
 * The builder, {@code SimulatorControl} and the HTTP control plane all validate through the
 * {@code check...} methods (the setters call them too), so a bad value is refused the same way
 * everywhere and never clamped.
 */
public final class Settings {
    private final Clock clock;
    private volatile Duration tokenLifetime;
    private volatile int rateLimitPerSecond;
    private volatile Duration checkinThrottle;
    private volatile int retentionDays;
    private volatile boolean bareArrays;

    public Settings(Clock clock, Duration tokenLifetime, int rateLimitPerSecond, Duration checkinThrottle,
            int retentionDays, boolean bareArrays) {
        this.clock = clock;
        this.tokenLifetime = checkTokenLifetime(tokenLifetime);
        this.rateLimitPerSecond = checkRateLimit(rateLimitPerSecond);
        this.checkinThrottle = checkCheckinThrottle(checkinThrottle);
        this.retentionDays = checkRetentionDays(retentionDays);
        this.bareArrays = bareArrays;
    }

    /** "Today" for the data, token expiry and the check-in throttle. */
    public Clock clock() {
        return clock;
    }

    public Duration tokenLifetime() {
        return tokenLifetime;
    }

    public void tokenLifetime(Duration d) {
        this.tokenLifetime = checkTokenLifetime(d);
    }

    public int rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    public void rateLimitPerSecond(int perSecond) {
        this.rateLimitPerSecond = checkRateLimit(perSecond);
    }

    public Duration checkinThrottle() {
        return checkinThrottle;
    }

    public void checkinThrottle(Duration window) {
        this.checkinThrottle = checkCheckinThrottle(window);
    }

    public int retentionDays() {
        return retentionDays;
    }

    public void retentionDays(int days) {
        this.retentionDays = checkRetentionDays(days);
    }

    public boolean bareArrays() {
        return bareArrays;
    }

    public void bareArrays(boolean bare) {
        this.bareArrays = bare;
    }

    public static Duration checkTokenLifetime(Duration d) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("tokenLifetime must be at least 1 second, not " + d);
        }
        return d;
    }

    public static int checkRateLimit(int perSecond) {
        if (perSecond < 0) {
            throw new IllegalArgumentException("rateLimitPerSecond must be at least 0 (0 disables the limit), not "
                    + perSecond);
        }
        return perSecond;
    }

    public static Duration checkCheckinThrottle(Duration window) {
        if (window == null || window.isNegative()) {
            throw new IllegalArgumentException("checkinThrottle must be at least 0 seconds (0 disables it), not "
                    + window);
        }
        return window;
    }

    public static int checkRetentionDays(int days) {
        if (days < 0) {
            throw new IllegalArgumentException("retentionDays must be at least 0, not " + days);
        }
        return days;
    }
}
