package io.github.camelmapiq.mapiq.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What a pooled HTTP client is built from; endpoints with equal settings share one pool. TLS sources compare by
 * identity (the same bean). {@link #toString()} hides the proxy credentials.
 *
 * @param tls where the TLS context comes from; {@code null} for the JVM's default
 */
public record ConnectionSettings(Duration connectTimeout, Duration readTimeout, int maxConnections, String proxyHost,
                                 Integer proxyPort, String proxyUsername, String proxyPassword, TlsSource tls) {

    /**
     * @throws IllegalArgumentException naming {@code maxConnections} below 1, or {@code proxyPort} missing for a proxy
     */
    public ConnectionSettings {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        boolean proxy = proxyHost != null && !proxyHost.isBlank();
        if (proxy && proxyPort == null) {
            throw new IllegalArgumentException("proxyPort is required when proxyHost is set");
        }
        if (!proxy) {
            proxyHost = null;
            proxyPort = null;
            proxyUsername = null;
            proxyPassword = null;
        }
    }

    public boolean hasProxy() {
        return proxyHost != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionSettings other && connectTimeout.equals(other.connectTimeout)
               && readTimeout.equals(other.readTimeout) && maxConnections == other.maxConnections
               && Objects.equals(proxyHost, other.proxyHost) && Objects.equals(proxyPort, other.proxyPort)
               && Objects.equals(proxyUsername, other.proxyUsername)
               && Objects.equals(proxyPassword, other.proxyPassword)
               && Objects.equals(tls, other.tls);
    }

    @Override
    public int hashCode() {
        return Objects.hash(connectTimeout, readTimeout, maxConnections, proxyHost, proxyPort, proxyUsername,
                proxyPassword, tls);
    }

    @Override
    public String toString() {
        return "ConnectionSettings{connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
               + ", maxConnections=" + maxConnections + ", proxy=" + (hasProxy() ? proxyHost + ":" + proxyPort : "none")
               + (proxyUsername != null ? ", proxyUsername=xxxxxx, proxyPassword=xxxxxx" : "")
               + ", tls=" + (tls != null ? "custom" : "default") + "}";
    }
}
