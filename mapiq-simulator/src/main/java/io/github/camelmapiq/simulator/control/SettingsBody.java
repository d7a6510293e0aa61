package io.github.camelmapiq.simulator.control;

import io.github.camelmapiq.simulator.SimulatorControl;
import io.github.camelmapiq.simulator.api.Settings;
import io.github.camelmapiq.simulator.data.BadRecordException;
import io.github.camelmapiq.simulator.http.ApiException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /_simulator/settings}: the current settings as JSON, and a change applied all or nothing. */
final class SettingsBody {

    private final SimulatorControl control;
    private final Settings settings;

    SettingsBody(SimulatorControl control, Settings settings) {
        this.control = control;
        this.settings = settings;
    }

    private static final List<String> SETTINGS = List.of("tokenLifetimeSeconds", "rateLimitPerSecond",
            "checkinThrottleSeconds", "retentionDays", "bareArrays");

    /**
     * Applies a settings body all or nothing: every value is checked first (unknown names, wrong
     * types, out of range), and a 400 names each bad field before anything changes.
     */
    void change(Map<String, Object> b) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        List<Runnable> changes = new ArrayList<>();
        for (Map.Entry<String, Object> e : b.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            try {
                switch (k) {
                    case "tokenLifetimeSeconds" -> {
                        Duration d = Settings.checkTokenLifetime(Duration.ofSeconds(FaultBodies.num(b, k)));
                        changes.add(() -> control.setTokenLifetime(d));
                    }
                    case "rateLimitPerSecond" -> {
                        int n = Settings.checkRateLimit(Math.toIntExact(FaultBodies.num(b, k)));
                        changes.add(() -> control.setRateLimitPerSecond(n));
                    }
                    case "checkinThrottleSeconds" -> {
                        Duration d = Settings.checkCheckinThrottle(Duration.ofSeconds(FaultBodies.num(b, k)));
                        changes.add(() -> control.setCheckinThrottle(d));
                    }
                    case "retentionDays" -> {
                        int n = Settings.checkRetentionDays(Math.toIntExact(FaultBodies.num(b, k)));
                        changes.add(() -> control.setRetentionDays(n));
                    }
                    case "bareArrays" -> {
                        if (!(v instanceof Boolean)) {
                            throw new IllegalArgumentException("must be true or false, not " + v);
                        }
                        boolean bare = (Boolean) v;
                        changes.add(() -> control.setBareArrays(bare));
                    }
                    default -> throw new IllegalArgumentException("unknown setting; the settings are "
                            + String.join(", ", SETTINGS));
                }
            } catch (BadRecordException x) {
                errors.put(k, List.of(x.bare()));
            } catch (IllegalArgumentException | ArithmeticException x) {
                errors.put(k, List.of(x.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        changes.forEach(Runnable::run);
    }

    Map<String, Object> current() {
        Settings s = settings;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokenLifetimeSeconds", s.tokenLifetime().toSeconds());
        m.put("rateLimitPerSecond", s.rateLimitPerSecond());
        m.put("checkinThrottleSeconds", s.checkinThrottle().toSeconds());
        m.put("retentionDays", s.retentionDays());
        m.put("bareArrays", s.bareArrays());
        return m;
    }
}
