package io.github.camelmapiq.mapiq.client.auth;

import java.time.Duration;

import io.github.camelmapiq.mapiq.MapiqException;
import org.apache.hc.core5.concurrent.Cancellable;

/**
 * What a token request runs under: the deadline of the call that waits for the token ({@code callTimeout} covers the
 * token too) and Camel's stop, which cancels a token request in flight. The HTTP side implements it per call.
 */
public interface TokenRequestScope {

    /** No deadline and no stop: a token asked for outside any call (a test, a tool). */
    TokenRequestScope UNBOUNDED = new TokenRequestScope() {
        @Override
        public long nanosLeft() {
            return Long.MAX_VALUE;
        }

        @Override
        public Watch watch(Cancellable request) {
            return new Watch() {
                @Override
                public MapiqException cancelled(Exception cause) {
                    return null;
                }

                @Override
                public void close() {
                    // nothing watched
                }
            };
        }

        @Override
        public void pause(Duration wait) throws InterruptedException {
            Thread.sleep(wait.toMillis());
        }

        @Override
        public MapiqException timedOut(String what, Exception cause) {
            throw new IllegalStateException("a request without deadline cannot time out");
        }
    };

    /** Nanoseconds left before the call's deadline; {@link Long#MAX_VALUE} when it has none. */
    long nanosLeft();

    /** Watches {@code request} until the watch is closed: it is cancelled at the deadline or when Camel stops. */
    Watch watch(Cancellable request);

    /** Waits {@code wait} before a request is tried again; fails at once if the deadline comes first or Camel stops. */
    void pause(Duration wait) throws Exception;

    /** The failure of the call that ran out of time for {@code what} ("the access token", say). */
    MapiqException timedOut(String what, Exception cause);

    /** One watched request. */
    interface Watch extends AutoCloseable {

        /** Why the request was cancelled (its deadline, or Camel's stop), or {@code null} when it was not. */
        MapiqException cancelled(Exception cause);

        @Override
        void close();
    }
}
