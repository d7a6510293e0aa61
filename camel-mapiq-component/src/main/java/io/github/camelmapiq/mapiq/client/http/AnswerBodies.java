package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Bounded reads of an answer's body. HttpClient releases a connection for reuse by reading what is left of the body
 * to its end, whatever its size (a body that inflates without end, a trickle): here only a little is read, and a body
 * that goes on is cut off by closing its connection.
 */
final class AnswerBodies {

    /** What is read of a body's rest to keep its connection; past it the connection is closed. */
    static final int DRAINED = 8 * 1024;

    /** Below this declared length a body is read into a buffer of its size rather than of 8 KB. */
    private static final int SMALL = 8 * 1024;

    private AnswerBodies() {
    }

    /**
     * {@code entity} handing out one stream however often it is asked: HttpClient's answer entity wraps its content
     * anew at each {@code getContent()}, and a new wrapper over a body already read to its end fails its first read
     * (closed stream), an exception per call that {@link #discard} would build and throw away. {@code null} stays
     * {@code null}.
     */
    static HttpEntity oneStream(HttpEntity entity) {
        if (entity == null) {
            return null;
        }
        return new HttpEntityWrapper(entity) {
            private InputStream content;

            @Override
            public InputStream getContent() throws IOException {
                if (content == null) {
                    content = super.getContent();
                }
                return content;
            }
        };
    }

    /** Up to {@code max} bytes of {@code entity} (its first ones); the rest is not read. */
    static byte[] readAtMost(HttpEntity entity, int max) throws IOException {
        InputStream in = entity == null ? null : entity.getContent();
        if (in == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared < 0 || declared >= Math.min(max, SMALL)) {
            return in.readNBytes(max);
        }
        // a small declared length sizes the buffer; a body longer than it said is read on, up to max all the same
        byte[] head = in.readNBytes((int) declared + 1);
        if (head.length <= declared) {
            return head;
        }
        byte[] rest = in.readNBytes(max - head.length);
        byte[] whole = Arrays.copyOf(head, head.length + rest.length);
        System.arraycopy(rest, 0, whole, head.length, rest.length);
        return whole;
    }

    /** All of {@code entity}, or {@code null} when it holds more than {@code max} bytes (not read further). */
    static byte[] readWhole(HttpEntity entity, int max) throws IOException {
        byte[] bytes = readAtMost(entity, max == Integer.MAX_VALUE ? max : max + 1);
        return bytes.length > max ? null : bytes;
    }

    /**
     * Ends the body of {@code request}'s answer: a rest of up to {@value #DRAINED} bytes is read so the connection can
     * serve again, a longer one (or one that fails) is not, and the connection is closed.
     */
    static void discard(Cancellable request, HttpEntity entity) {
        if (entity == null) {
            return;
        }
        try {
            InputStream in = entity.getContent();
            if (in == null) {
                return;
            }
            int first = in.read();
            if (first < 0) { // the usual case: the body was read to its end, and its connection released
                in.close();
                return;
            }
            byte[] buffer = new byte[1024];
            long read = 1;
            for (int n; (n = in.read(buffer)) >= 0;) {
                read += n;
                if (read > DRAINED) {
                    request.cancel();
                    return;
                }
            }
            in.close();
        } catch (IOException | RuntimeException ended) {
            request.cancel(); // a body already read and closed ends here too: the cancel then has nothing to close
        }
    }
}
