package io.github.camelmapiq.mapiq.client.http;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmapiq.mapiq.client.auth.AccessToken;
import io.github.camelmapiq.mapiq.client.auth.ClientCredentials;
import io.github.camelmapiq.mapiq.client.auth.ClientCredentialsTokenClient;
import io.github.camelmapiq.mapiq.client.auth.TokenManager;
import io.github.camelmapiq.mapiq.client.auth.TokenSource;
import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import io.github.camelmapiq.mapiq.client.error.Texts;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A component's shared HTTP clients and token managers: one token manager per credential set (token URL, client id,
 * secret, scope), one pooled HTTP client per distinct connection setting. Pools are closed by {@link #close()}; an
 * {@code httpClient} the user supplied is used as is and never closed here.
 * <p>
 * Endpoints with the same credentials share the token, but each fetches it, when its turn comes, with its own token
 * client: its connection pool (timeouts, proxy, TLS) or {@code httpClient}, retry options and
 * {@code tokenRefreshMargin}, never those of whichever endpoint happened to start first.
 */
public final class MapiqClients implements MapiqClientFactory, Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(MapiqClients.class);

    private final Map<ConnectionSettings, CloseableHttpClient> pools = new ConcurrentHashMap<>();
    private final Map<ClientCredentials, TokenManager> tokenManagers = new ConcurrentHashMap<>();
    private final Map<ClientCredentials, String> credentialLabels = new ConcurrentHashMap<>();
    private final MapiqClientStatistics statistics = new MapiqClientStatistics();
    private final CallAbort abort = new CallAbort();
    private final Clock clock;

    public MapiqClients() {
        this(Clock.systemUTC());
    }

    /** With a controllable clock, which decides when tokens are refreshed and how Retry-After dates are read. */
    public MapiqClients(Clock clock) {
        this.clock = clock;
    }

    /** The client for {@code settings}, counting its calls in statistics of its own. */
    public MapiqHttpClient clientFor(ClientSettings settings) {
        return createClient(settings, new MapiqEndpointStatistics(clock, settings.credentials().secrets()));
    }

    /** The client for an endpoint's settings, counting its calls in {@code endpointStatistics}. */
    @Override
    public MapiqHttpClient createClient(ClientSettings settings, MapiqEndpointStatistics endpointStatistics) {
        ClientCredentials credentials = settings.credentials();
        CloseableHttpClient http = settings.httpClient() != null
                ? settings.httpClient()
                : pools.computeIfAbsent(settings.connection(), connection -> {
                    LOG.debug("Creating Mapiq HTTP connection pool {}", connection);
                    return PooledHttpClientFactory.create(connection);
                });
        RetryPolicy retry = new RetryPolicy(settings.retry().maxRetries(), settings.retry().initialDelay(),
                settings.retry().maxWait(), clock);
        RequestConfig requestConfig = requestConfig(settings.connection());
        TokenSource tokenSource = new RetryingTokenSource(countingRequests(new ClientCredentialsTokenClient(credentials,
                http, MapiqJson.mapper(), settings.tokenRefreshMargin(), clock, requestConfig)), retry, abort);
        TokenManager tokens = tokenManagers.computeIfAbsent(credentials,
                c -> new TokenManager(tokenSource, clock, new TokenStatistics(c.secrets())));
        credentialLabels.computeIfAbsent(credentials,
                c -> Texts.url(c.tokenUrl()) + " #" + (credentialLabels.size() + 1));
        return new MapiqHttpClient(settings.baseUrl(), http, tokens, tokenSource, retry, MapiqJson.mapper(), statistics,
                abort, settings.readLimits(), endpointStatistics, credentials.secrets(), requestConfig);
    }

    /**
     * What every request of an endpoint is sent with, on the component's pools and on a user's {@code httpClient}
     * alike: redirects never followed (token requests carry the client secret, API calls a bearer token), and the
     * endpoint's timeouts.
     */
    static RequestConfig requestConfig(ConnectionSettings connection) {
        return RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setConnectionRequestTimeout(Timeout.of(connection.connectTimeout()))
                .setResponseTimeout(Timeout.of(connection.readTimeout()))
                .build();
    }

    /**
     * A token of {@code manager} for an operator's check (the health check): within {@code timeout}, and ended when
     * Camel stops.
     */
    public AccessToken token(TokenManager manager, Duration timeout) throws Exception {
        return manager.token(new CallScope("token check", timeout, abort));
    }

    /**
     * The token statistics of each credential set in use, by a label that names the token URL and a number (never the
     * client id or secret), in the order the credential sets were first used.
     */
    public Map<String, TokenStatistics> tokenStatistics() {
        Map<String, TokenStatistics> result = new java.util.TreeMap<>();
        tokenManagers.forEach((credentials, manager) -> {
            String label = credentialLabels.get(credentials);
            if (label != null) {
                result.put(label, manager.statistics());
            }
        });
        return result;
    }

    /** Visits each credential set in use with its label and token manager. */
    public void forEachTokenManager(TokenManagerVisitor visitor) {
        tokenManagers.forEach((credentials, manager) -> {
            String label = credentialLabels.get(credentials);
            if (label != null) {
                visitor.visit(label, credentials, manager);
            }
        });
    }

    /** What {@link #forEachTokenManager} is given. */
    @FunctionalInterface
    public interface TokenManagerVisitor {
        void visit(String label, ClientCredentials credentials, TokenManager manager);
    }

    /** The token manager of a credential set, or {@code null} if no endpoint used it yet. */
    public TokenManager tokenManager(ClientCredentials credentials) {
        return tokenManagers.get(credentials);
    }

    /** Calls, retries and replays of every endpoint of this component. */
    public MapiqClientStatistics statistics() {
        return statistics;
    }

    /** Requests sent to the token endpoints by this component (every retry counts), as the server saw them. */
    public long tokenRequests() {
        return statistics.tokenRequests();
    }

    /** Counts each request to the token endpoint, inside the retries, so the count matches the server's. */
    private TokenSource countingRequests(TokenSource source) {
        return scope -> {
            statistics.countTokenRequest();
            return source.requestToken(scope);
        };
    }

    /**
     * Camel is stopping: calls waiting before a retry, and reads waiting for an answer, fail at once with a
     * {@link MapiqCallAbortedException}, so that a long {@code Retry-After} or a slow answer does not hold up the
     * shutdown. New calls still run (in-flight exchanges complete, as Camel's graceful shutdown promises) but do not
     * wait for retries until {@link #allowCalls()}.
     */
    public void abortCalls() {
        abort.abortAll();
    }

    /** Calls may run (again): the component started. */
    public void allowCalls() {
        abort.allow();
    }

    /** Closes the pooled HTTP clients and forgets the tokens; clients are created again on next use. */
    @Override
    public void close() {
        tokenManagers.clear();
        pools.values().forEach(client -> {
            try {
                client.close();
            } catch (IOException e) {
                LOG.debug("Closing a Mapiq HTTP connection pool failed", e);
            }
        });
        pools.clear();
    }

    @Override
    public String toString() {
        return "MapiqClients{pools=" + pools.size() + ", tokenManagers=" + tokenManagers.size() + ", " + statistics
               + "}";
    }
}
