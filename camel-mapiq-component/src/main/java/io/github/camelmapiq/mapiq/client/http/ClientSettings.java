package io.github.camelmapiq.mapiq.client.http;

import java.time.Duration;

import io.github.camelmapiq.mapiq.client.auth.ClientCredentials;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;

/**
 * Everything a {@link MapiqHttpClient} is built from, as plain values: where the API and the token endpoint are, the
 * credentials, the connection pool or a user's own HTTP client, retries, token refresh and read limits.
 *
 * @param baseUrl            the API base, such as {@code https://api.mapiq.com}
 * @param credentials        the OAuth2 client credentials and token URL
 * @param connection         the pooled client's settings (ignored when {@code httpClient} is given)
 * @param httpClient         a user-supplied HTTP client, used as is and never closed; {@code null} for a pool
 * @param retry              how failed calls are retried
 * @param tokenRefreshMargin how long before expiry a token is refreshed
 * @param readLimits         the limits answers are held to
 * @param allowInsecureHttp  allow plain {@code http://} to a host that is not this machine
 */
public record ClientSettings(String baseUrl, ClientCredentials credentials, ConnectionSettings connection,
                             CloseableHttpClient httpClient, RetrySettings retry, Duration tokenRefreshMargin,
                             ReadLimits readLimits, boolean allowInsecureHttp) {

    /**
     * @throws IllegalArgumentException naming {@code baseUrl} when it is empty, or the URL that is plain HTTP to
     *                                  another machine
     */
    public ClientSettings {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("Mapiq option baseUrl must not be empty");
        }
        TransportSecurity.check(allowInsecureHttp, credentials.tokenUrl(), baseUrl);
    }

    /**
     * How failed calls are retried.
     *
     * @param maxRetries   attempts after the first
     * @param initialDelay the first backoff, doubled for each further retry
     * @param maxWait      the longest wait between attempts; a longer {@code Retry-After} fails the call
     */
    public record RetrySettings(int maxRetries, Duration initialDelay, Duration maxWait) {
    }

    /** The same settings with another HTTP client (a user's factory may wrap or replace it). */
    public ClientSettings withHttpClient(CloseableHttpClient client) {
        return new ClientSettings(baseUrl, credentials, connection, client, retry, tokenRefreshMargin, readLimits,
                allowInsecureHttp);
    }
}
