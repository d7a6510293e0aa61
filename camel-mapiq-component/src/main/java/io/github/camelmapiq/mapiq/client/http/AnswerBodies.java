package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Bounded reads of an answer's body. HttpClient releases a connection for reuse by reading what is left of the body
 * to its end, whatever its size (a body that inflates without end, a trickle): here only a little is read, and a body
 * that goes on is cut off by closing its connection.
 */
final class AnswerBodies {

    /** What is read of a body's rest to keep its connection; past it the connection is closed. */
    static final int DRAINED = 8 * 1024;

    private AnswerBodies() {
    }

    /** Up to {@code max} bytes of {@code entity} (its first ones); the rest is not read. */
    static byte[] readAtMost(HttpEntity entity, int max) throws IOException {
        InputStream in = entity == null ? null : entity.getContent();
        return in == null ? new byte[0] : in.readNBytes(max);
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
            byte[] buffer = new byte[1024];
            long read = 0;
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
