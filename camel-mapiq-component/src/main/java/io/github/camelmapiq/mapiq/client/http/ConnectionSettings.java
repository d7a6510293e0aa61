package io.github.camelmapiq.mapiq.client.http;

import java.time.Duration;
import java.util.Objects;

import io.github.camelmapiq.mapiq.MapiqConfiguration;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * What a pooled HTTP client is built from; endpoints with equal settings share one pool. TLS parameters compare by
 * identity (the same bean). {@link #toString()} hides the proxy credentials.
 */
record ConnectionSettings(Duration connectTimeout, Duration readTimeout, int maxConnections, String proxyHost,
                          Integer proxyPort, String proxyUsername, String proxyPassword,
                          SSLContextParameters sslContextParameters) {

    static ConnectionSettings of(MapiqConfiguration c) {
        if (c.getMaxConnections() < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + c.getMaxConnections());
        }
        boolean proxy = c.getProxyHost() != null && !c.getProxyHost().isBlank();
        if (proxy && c.getProxyPort() == null) {
            throw new IllegalArgumentException("proxyPort is required when proxyHost is set");
        }
        return new ConnectionSettings(Duration.ofMillis(c.getConnectTimeout()), Duration.ofMillis(c.getReadTimeout()),
                c.getMaxConnections(), proxy ? c.getProxyHost() : null, proxy ? c.getProxyPort() : null,
                proxy ? c.getProxyUsername() : null, proxy ? c.getProxyPassword() : null, c.getSslContextParameters());
    }

    boolean hasProxy() {
        return proxyHost != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSettings other && connectTimeout.equals(other.connectTimeout)
               && readTimeout.equals(other.readTimeout) && maxConnections == other.maxConnections
               && Objects.equals(proxyHost, other.proxyHost) && Objects.equals(proxyPort, other.proxyPort)
               && Objects.equals(proxyUsername, other.proxyUsername)
               && Objects.equals(proxyPassword, other.proxyPassword)
               && sslContextParameters == other.sslContextParameters;
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, readTimeout, maxConnections, proxyHost, proxyPort, proxyUsername,
                proxyPassword, System.identityHashCode(sslContextParameters));
    }

    @Override
    public String toString() {
        return "ConnectionSettings{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
               + ", maxConnections=" + maxConnections + ", proxy=" + (hasProxy() ? proxyHost + ":" + proxyPort : "none")
               + (proxyUsername != null ? ", proxyUsername=xxxxxx, proxyPassword=xxxxxx" : "")
               + ", tls=" + (sslContextParameters != null ? "custom" : "default") + "}";
    }
}
