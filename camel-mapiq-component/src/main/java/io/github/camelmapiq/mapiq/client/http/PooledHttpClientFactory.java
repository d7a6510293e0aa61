package io.github.camelmapiq.mapiq.client.http;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;

/**
 * Builds the keep-alive connection pool used for one {@link ConnectionSettings}. HttpClient's own retries are off:
 * {@link RetryPolicy} decides, knowing which calls are safe to repeat. Its connections never log the secret, a token
 * or a credential header at any log level ({@link MaskingConnectionFactory}). Redirects are never followed: each request
 * carries the client secret or a token. TLS certificates and host names are
 * always verified (the JVM's trust store, or the one of {@code sslContextParameters}).
 */
final class PooledHttpClientFactory {

    private PooledHttpClientFactory() {
    }

    static CloseableHttpClient create(ConnectionSettings settings) {
        PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(MaskingConnectionFactory.INSTANCE)
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.readTimeout()))
                        .build());
        if (settings.tls() != null) {
            pool.setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(sslContext(settings.tls()))
                    .buildClassic());
        }
        PoolingHttpClientConnectionManager manager = pool.build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(manager)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setResponseTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("camel-mapiq");
        if (settings.hasProxy()) {
            builder.setProxy(new HttpHost(settings.proxyHost(), settings.proxyPort()));
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                char[] password = settings.proxyPassword() == null ? new char[0] : settings.proxyPassword().toCharArray();
                credentials.setCredentials(new AuthScope(settings.proxyHost(), settings.proxyPort()),
                        new UsernamePasswordCredentials(settings.proxyUsername(), password));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return builder.build();
    }

    private static SSLContext sslContext(TlsSource tls) {
        try {
            return tls.context().call();
        } catch (Exception e) {
            throw new IllegalArgumentException("sslContextParameters could not create a TLS context: " + e.getMessage(),
                    e);
        }
    }
}
