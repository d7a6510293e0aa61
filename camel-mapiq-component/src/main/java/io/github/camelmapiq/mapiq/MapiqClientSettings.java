package io.github.camelmapiq.mapiq;

import java.time.Duration;

import io.github.camelmapiq.mapiq.client.auth.ClientCredentials;
import io.github.camelmapiq.mapiq.client.http.ClientSettings;
import io.github.camelmapiq.mapiq.client.http.ConnectionSettings;
import io.github.camelmapiq.mapiq.client.http.ReadLimits;
import io.github.camelmapiq.mapiq.client.http.TlsSource;
import org.apache.camel.CamelContext;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Adapts the Camel side to the Camel-free client: reads an endpoint's {@link MapiqConfiguration} (placeholders
 * already resolved) into the plain {@link ClientSettings} the client package is built from, failing with a message
 * that names the option.
 */
public final class MapiqClientSettings {

    private MapiqClientSettings() {
    }

    /**
     * The client settings of {@code configuration}; TLS contexts are made from {@code sslContextParameters} in
     * {@code context}, when a connection pool first needs one.
     *
     * @throws IllegalArgumentException naming the missing or invalid option
     */
    public static ClientSettings of(MapiqConfiguration configuration, CamelContext context) {
        positive("connectTimeout", configuration.getConnectTimeout());
        positive("readTimeout", configuration.getReadTimeout());
        positive("callTimeout", configuration.getCallTimeout());
        notNegative("tokenRefreshMargin", configuration.getTokenRefreshMargin());
        notNegative("maxRetries", configuration.getMaxRetries());
        notNegative("retryInitialDelay", configuration.getRetryInitialDelay());
        notNegative("maxRetryWait", configuration.getMaxRetryWait());
        ClientCredentials credentials = credentials(configuration);
        ReadLimits limits = readLimits(configuration);
        SSLContextParameters tls = configuration.getSslContextParameters();
        ConnectionSettings connection = new ConnectionSettings(Duration.ofMillis(configuration.getConnectTimeout()),
                Duration.ofMillis(configuration.getReadTimeout()), configuration.getMaxConnections(),
                configuration.getProxyHost(), configuration.getProxyPort(), configuration.getProxyUsername(),
                configuration.getProxyPassword(), tls == null ? null : new TlsSource(tls, () -> tls.createSSLContext(context)));
        return new ClientSettings(configuration.getBaseUrl(), credentials, connection, configuration.getHttpClient(),
                new ClientSettings.RetrySettings(configuration.getMaxRetries(),
                        Duration.ofMillis(configuration.getRetryInitialDelay()),
                        Duration.ofMillis(configuration.getMaxRetryWait())),
                Duration.ofMillis(configuration.getTokenRefreshMargin()), limits, configuration.isAllowInsecureHttp());
    }

    /** The limits an endpoint's answers are held to; fails naming a bad option. */
    public static ReadLimits readLimits(MapiqConfiguration configuration) {
        return new ReadLimits(configuration.getMaxResponseSize(), configuration.getMaxRecordSize(),
                configuration.getMaxNestingDepth(), configuration.getMaxPagesPerListing(),
                Duration.ofMillis(configuration.getCallTimeout()));
    }

    /** The credential set of a configuration; fails naming the missing options. */
    public static ClientCredentials credentials(MapiqConfiguration configuration) {
        boolean noId = isBlank(configuration.getClientId());
        boolean noSecret = isBlank(configuration.getClientSecret());
        if (noId || noSecret) {
            String missing = noId && noSecret ? "clientId and clientSecret" : noId ? "clientId" : "clientSecret";
            throw new IllegalArgumentException(
                    "Mapiq credentials missing: set " + missing + " on the mapiq component or the endpoint URI, "
                                               + "preferably from a property placeholder such as "
                                               + "clientSecret={{env:MAPIQ_CLIENT_SECRET}}");
        }
        if (isBlank(configuration.getTokenUrl())) {
            throw new IllegalArgumentException("Mapiq option tokenUrl must not be empty");
        }
        return new ClientCredentials(configuration.getTokenUrl(), configuration.getClientId(),
                configuration.getClientSecret(), configuration.getScope());
    }

    /** A time that cannot be zero: a zero timeout is no timeout, and a call could then wait for ever. */
    private static void positive(String option, long millis) {
        if (millis <= 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + millis + ": must be more than 0 "
                                               + "(milliseconds, or a duration such as 30s)");
        }
    }

    private static void notNegative(String option, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid " + option + " " + value + ": must be 0 or more");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
