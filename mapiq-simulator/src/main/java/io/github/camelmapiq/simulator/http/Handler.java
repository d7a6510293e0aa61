package io.github.camelmapiq.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;

/** Answers one HTTP call: the API, the control plane, or a decorator of them such as the fault injector. */
@FunctionalInterface
public interface Handler {

    /** The answer to {@code method path} (raw path, no query); the request itself is read from {@code ex}. */
    Reply handle(HttpExchange ex, String method, String path) throws IOException, InterruptedException;
}
