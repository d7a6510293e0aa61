package io.github.camelmapiq.simulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer before it is sent: either bytes (sent with a Content-Length, which keeps
 * keep-alive cheap) or a writer streamed chunked (for arbitrarily long lists).
 */
final class Reply {

    interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    final int status;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>(2);
    final byte[] body;
    final BodyWriter writer;

    private Reply(int status, String contentType, byte[] body, BodyWriter writer) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.writer = writer;
    }

    static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, null);
    }

    static Reply json(int status, byte[] body) {
        return new Reply(status, "application/json; charset=utf-8", body, null);
    }

    static Reply streamed(int status, String contentType, BodyWriter writer) {
        return new Reply(status, contentType, null, writer);
    }

    static Reply empty(int status) {
        return new Reply(status, null, null, null);
    }

    Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
