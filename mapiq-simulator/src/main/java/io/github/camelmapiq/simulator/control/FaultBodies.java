package io.github.camelmapiq.simulator.control;

import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.data.BadRecordException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Reads the JSON bodies of the control plane: values by name, and a {@link Fault} from its JSON description. */
final class FaultBodies {

    private FaultBodies() {
    }

    static String str(Map<String, Object> b, String k) {
        Object v = b.get(k);
        return v == null ? null : v.toString();
    }

    static long num(Map<String, Object> b, String k) {
        Object v = b.get(k);
        if (v instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(v));
        } catch (NumberFormatException e) {
            throw new BadRecordException(k, "'" + v + "' is not a number");
        }
    }

    static Fault fault(Map<String, Object> b) {
        String kind = str(b, "kind");
        if (kind == null) {
            throw new BadRecordException("kind", "is required: status, delay, connectionReset, truncatedJson or"
                    + " malformedJson");
        }
        Fault f = switch (kind.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "")) {
            case "status" -> {
                if (b.get("status") == null) {
                    throw new BadRecordException("status", "is required for a status fault");
                }
                yield Fault.status((int) num(b, "status"));
            }
            case "delay" -> Fault.delay(Duration.ofMillis(b.get("delayMillis") == null ? 1000 : num(b, "delayMillis")));
            case "connectionreset", "reset" -> Fault.connectionReset();
            case "truncatedjson", "truncated" -> Fault.truncatedJson();
            case "malformedjson", "malformed" -> Fault.malformedJson();
            default -> throw new BadRecordException("kind", "'" + kind + "' is not one of status, delay,"
                    + " connectionReset, truncatedJson, malformedJson");
        };
        if (b.get("retryAfterSeconds") != null) {
            f = f.retryAfterSeconds((int) num(b, "retryAfterSeconds"));
        }
        if (b.get("times") != null) {
            f = f.times((int) num(b, "times"));
        }
        if (b.get("fraction") != null) {
            f = f.fraction(Double.parseDouble(b.get("fraction").toString()));
        }
        if (b.get("path") != null) {
            f = f.onPath(str(b, "path"));
        }
        if (b.get("method") != null) {
            f = f.onMethod(str(b, "method"));
        }
        return f;
    }
}
