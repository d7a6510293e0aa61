package io.github.camelmapiq.simulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP answer before it is sent: either bytes (sent with a Content-Length, which keeps
 * keep-alive cheap) or a writer streamed chunked (for arbitrarily long lists).
 */
public final class Reply {

    public interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    public final int status;
    public final String contentType;
    public final Map<String, String> headers = new LinkedHashMap<>(2);
    public final byte[] body;
    public final BodyWriter writer;

    /** Status of {@link #dropConnection()}: the call is counted with it, and no answer is sent. */
    public static final int DROPPED = 0;

    private Reply(int status, String contentType, byte[] body, BodyWriter writer) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.writer = writer;
    }

    public static Reply bytes(int status, String contentType, byte[] body) {
        return new Reply(status, contentType, body, null);
    }

    public static Reply json(int status, byte[] body) {
        return new Reply(status, "application/json; charset=utf-8", body, null);
    }

    public static Reply streamed(int status, String contentType, BodyWriter writer) {
        return new Reply(status, contentType, null, writer);
    }

    public static Reply empty(int status) {
        return new Reply(status, null, null, null);
    }

    /** No answer at all: the connection is closed once the request is read (an injected connection reset). */
    public static Reply dropConnection() {
        return new Reply(DROPPED, null, null, null);
    }

    public boolean dropsConnection() {
        return status == DROPPED;
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
