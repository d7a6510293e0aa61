package io.github.camelmapiq.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The single HTTP handler: control plane under {@code /_simulator}, everything else is the API,
 * where injected faults are applied first and every call is counted by method, path and status.
 */
final class HttpFront implements HttpHandler {

    private static final byte[] MALFORMED = "{\"items\": [{\"id\": \"3f1c\", \"email\": ,, <html>Bad Gateway</html>"
            .getBytes(StandardCharsets.UTF_8);

    private final Engine engine;
    private final ApiRoutes api;
    private final ControlHttp control;

    HttpFront(Engine engine, ControlHttp control) {
        this.engine = engine;
        this.api = new ApiRoutes(engine);
        this.control = control;
    }

    @Override
    public void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        try {
            if (path.startsWith("/_simulator")) {
                send(ex, control.handle(ex, method, path));
                return;
            }
            boolean tokenPath = ApiRoutes.isTokenPath(path);
            if (tokenPath) {
                engine.stats.tokenRequests.increment();
            }
            Fault fault = engine.faults.match(method, path, tokenPath);
            Reply reply;
            if (fault == null) {
                reply = api.route(ex, method, path);
            } else {
                switch (fault.kind()) {
                    case STATUS -> {
                        ApiException e = ApiException.problem(fault.status(), ApiException.titleFor(fault.status()),
                                "Injected fault: HTTP " + fault.status() + ".");
                        if (fault.retryAfterSeconds() >= 0) {
                            e.headers.put("Retry-After", Integer.toString(fault.retryAfterSeconds()));
                        }
                        reply = engine.problemReply(e);
                    }
                    case DELAY -> {
                        Thread.sleep(fault.delayDuration().toMillis());
                        reply = api.route(ex, method, path);
                    }
                    case CONNECTION_RESET -> {
                        engine.stats.record(method, path, 0);
                        ex.getRequestBody().readAllBytes();
                        return; // finally closes the exchange before a response: the connection drops
                    }
                    case TRUNCATED_JSON -> {
                        Reply real = api.route(ex, method, path);
                        byte[] full = materialise(real);
                        Reply cut = Reply.bytes(real.status, real.contentType,
                                Arrays.copyOf(full, Math.max(1, full.length / 2)));
                        real.headers.forEach(cut::header);
                        reply = cut;
                    }
                    case MALFORMED_JSON -> {
                        Reply real = api.route(ex, method, path);
                        reply = Reply.bytes(real.status, "application/json; charset=utf-8", MALFORMED);
                    }
                    default -> throw new IllegalStateException(fault.kind().toString());
                }
            }
            engine.stats.record(method, path, reply.status);
            send(ex, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                ApiException e = ApiException.problem(500, "Internal Server Error",
                        "The simulator failed: " + t);
                if (!path.startsWith("/_simulator")) {
                    engine.stats.record(method, path, 500);
                }
                send(ex, engine.problemReply(e));
            } catch (Throwable ignored) {
                // headers already sent: nothing more to say
            }
        } finally {
            ex.close();
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

    static void send(HttpExchange ex, Reply r) throws IOException {
        Headers h = ex.getResponseHeaders();
        if (r.contentType != null) {
            h.set("Content-Type", r.contentType);
        }
        r.headers.forEach(h::set);
        if (r.writer != null) {
            ex.sendResponseHeaders(r.status, 0);
            try (OutputStream os = new BufferedOutputStream(ex.getResponseBody(), 1 << 16)) {
                r.writer.write(os);
            }
        } else if (r.body == null || r.body.length == 0 || r.status == 204 || r.status == 304) {
            ex.sendResponseHeaders(r.status, -1);
        } else {
            ex.sendResponseHeaders(r.status, r.body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(r.body);
            }
        }
    }
}
