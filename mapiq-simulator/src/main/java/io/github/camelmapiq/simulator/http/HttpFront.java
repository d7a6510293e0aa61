package io.github.camelmapiq.simulator.http;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Predicate;

/**
 * The single HTTP handler: the control plane under {@code /_simulator}, everything else is the API, where every call
 * is counted by method, path and status (and calls to a token endpoint once more as token requests). A handler that
 * fails answers a 500 problem naming the failure.
 */
public final class HttpFront implements HttpHandler {

    private static final String CONTROL_PREFIX = "/_simulator";

    private final Handler api;
    private final Handler control;
    private final Predicate<String> isTokenPath;
    private final CallCounter counter;
    private final Problems problems;

    public HttpFront(Handler api, Handler control, Predicate<String> isTokenPath, CallCounter counter,
            Problems problems) {
        this.api = api;
        this.control = control;
        this.isTokenPath = isTokenPath;
        this.counter = counter;
        this.problems = problems;
    }

    @Override
    public void handle(HttpExchange ex) {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        boolean controlPlane = path.startsWith(CONTROL_PREFIX);
        try {
            if (controlPlane) {
                send(ex, control.handle(ex, method, path));
                return;
            }
            if (isTokenPath.test(path)) {
                counter.tokenRequest();
            }
            Reply reply = api.handle(ex, method, path);
            counter.record(method, path, reply.status);
            if (reply.dropsConnection()) {
                ex.getRequestBody().readAllBytes();
                return; // finally closes the exchange before a response: the connection drops
            }
            send(ex, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                ApiException e = ApiException.problem(500, "Internal Server Error", "The simulator failed: " + t);
                if (!controlPlane) {
                    counter.record(method, path, 500);
                }
                send(ex, problems.reply(e));
            } catch (Throwable ignored) {
                // headers already sent: nothing more to say
            }
        } finally {
            ex.close();
        }
    }

    private static void send(HttpExchange ex, Reply r) throws IOException {
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
