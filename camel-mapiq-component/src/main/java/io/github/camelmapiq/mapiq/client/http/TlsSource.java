package io.github.camelmapiq.mapiq.client.http;

import java.util.concurrent.Callable;

import javax.net.ssl.SSLContext;

/**
 * Where a connection pool's TLS context comes from: made when the pool is, and identified by {@code key} (the
 * configured TLS parameters, compared by identity), so that endpoints with the same parameters share one pool.
 *
 * @param key     the configured TLS parameters
 * @param context makes the TLS context
 */
public record TlsSource(Object key, Callable<SSLContext> context) {

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsSource other && key == other.key;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(key);
    }
}
