package io.github.camelmapiq.simulator.fault;

import com.sun.net.httpserver.HttpExchange;
import io.github.camelmapiq.simulator.Fault;
import io.github.camelmapiq.simulator.http.ApiException;
import io.github.camelmapiq.simulator.http.Handler;
import io.github.camelmapiq.simulator.http.Problems;
import io.github.camelmapiq.simulator.http.Reply;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * Applies the injected faults to API calls before the API sees them (so before authentication): the first matching
 * fault answers a problem, delays, drops the connection or spoils the real answer's JSON.
 */
public final class FaultInjector implements Handler {

    private static final byte[] MALFORMED = "{\"items\": [{\"id\": \"3f1c\", \"email\": ,, <html>Bad Gateway</html>"
            .getBytes(StandardCharsets.UTF_8);

    private final Faults faults;
    private final Handler api;
    private final Predicate<String> isTokenPath;
    private final Problems problems;

    public FaultInjector(Faults faults, Handler api, Predicate<String> isTokenPath, Problems problems) {
        this.faults = faults;
        this.api = api;
        this.isTokenPath = isTokenPath;
        this.problems = problems;
    }

    @Override
    public Reply handle(HttpExchange ex, String method, String path) throws IOException, InterruptedException {
        Fault fault = faults.match(method, path, isTokenPath.test(path));
        if (fault == null) {
            return api.handle(ex, method, path);
        }
        switch (fault.kind()) {
            case STATUS -> {
                ApiException e = ApiException.problem(fault.status(), ApiException.titleFor(fault.status()),
                        "Injected fault: HTTP " + fault.status() + ".");
                if (fault.retryAfterSeconds() >= 0) {
                    e.headers.put("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                }
                return problems.reply(e);
            }
            case DELAY -> {
                Thread.sleep(fault.delayDuration().toMillis());
                return api.handle(ex, method, path);
            }
            case CONNECTION_RESET -> {
                return Reply.dropConnection();
            }
            case TRUNCATED_JSON -> {
                Reply real = api.handle(ex, method, path);
                byte[] full = materialise(real);
                Reply cut = Reply.bytes(real.status, real.contentType,
                        Arrays.copyOf(full, Math.max(1, full.length / 2)));
                real.headers.forEach(cut::header);
                return cut;
            }
            case MALFORMED_JSON -> {
                Reply real = api.handle(ex, method, path);
                return Reply.bytes(real.status, "application/json; charset=utf-8", MALFORMED);
            }
            default -> throw new IllegalStateException(fault.kind().toString());
        }
    }

    private static byte[] materialise(Reply r) throws IOException {
        if (r.body != null) {
            return r.body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.writer != null) {
            r.writer.write(out);
        }
        return out.toByteArray();
    }
}
