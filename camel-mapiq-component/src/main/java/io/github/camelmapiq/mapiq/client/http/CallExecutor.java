package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.MapiqException;
import io.github.camelmapiq.mapiq.client.auth.AccessToken;
import io.github.camelmapiq.mapiq.client.auth.TokenManager;
import io.github.camelmapiq.mapiq.client.auth.TokenSource;
import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import io.github.camelmapiq.mapiq.client.error.MapiqConnectionException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one call to the Mapiq API through its attempts: a bearer token per attempt, retries as {@link RetryPolicy}
 * allows (honouring {@code Retry-After}), one replay after a 401 with a new token, the {@code callTimeout} deadline,
 * and an abort when Camel stops. An error answer becomes a {@link MapiqApiException}, with the client secret and the
 * call's token masked wherever the answer quotes them.
 * <p>
 * Every attempt is logged at DEBUG under {@link MapiqHttpClient}'s logger (method, path, status, attempt n/max,
 * wait), a wait of a second or more before a retry at INFO (once per wait), and counted in the component's
 * {@link MapiqClientStatistics} and the endpoint's {@link MapiqEndpointStatistics}; tokens and query strings are
 * never logged.
 */
final class CallExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(MapiqHttpClient.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;
    private static final Duration LOGGED_WAIT = Duration.ofSeconds(1);

    private final CloseableHttpClient http;
    private final TokenManager tokens;
    /** This endpoint's own token client: the tokens are shared, each request follows the settings of its endpoint. */
    private final TokenSource tokenSource;
    private final RetryPolicy retry;
    private final ObjectMapper mapper;
    private final MapiqClientStatistics statistics;
    private final CallAbort abort;
    private final ReadLimits limits;
    private final MapiqEndpointStatistics endpointStatistics;
    /** Only to mask them in error answers and unusable answers that quote them: the secret and id:secret. */
    private final String[] credentialSecrets;
    /** Set on every request: no redirects, the endpoint's timeouts. */
    private final RequestConfig requestConfig;

    CallExecutor(CloseableHttpClient http, TokenManager tokens, TokenSource tokenSource, RetryPolicy retry,
                 ObjectMapper mapper, MapiqClientStatistics statistics, CallAbort abort, ReadLimits limits,
                 MapiqEndpointStatistics endpointStatistics, String[] credentialSecrets, RequestConfig requestConfig) {
        this.http = http;
        this.tokens = tokens;
        this.tokenSource = tokenSource;
        this.retry = retry;
        this.mapper = mapper;
        this.statistics = statistics;
        this.abort = abort;
        this.limits = limits;
        this.endpointStatistics = endpointStatistics;
        this.credentialSecrets = credentialSecrets;
        this.requestConfig = requestConfig;
    }

    /** Fetches a token now, failing with a clear message on bad credentials; within {@code callTimeout}. */
    void checkCredentials() throws Exception {
        tokens.token(tokenSource, new CallScope("token request", limits.callTimeout(), abort));
    }

    /** Token times, fetches and failures of this client's credential set. */
    TokenStatistics tokenStatistics() {
        return tokens.statistics();
    }

    @FunctionalInterface
    interface ResponseReader<T> {
        T read(int status, HttpEntity entity) throws IOException, MapiqResponseException;
    }

    /** A stop of its own for some calls (a consumer's listing), set off also by the component's. */
    CallAbort stopOfOne() {
        return abort.child();
    }

    <T> T execute(String method, URI uri, byte[] body, CallKind kind, ResponseReader<T> reader) throws Exception {
        return execute(method, uri, body, kind, abort, reader);
    }

    /**
     * One call through its attempts, its token included, within {@code callTimeout}.
     *
     * @param stop what ends the call's reads early: the component's stop, or the stop of the consumer that owns it
     */
    <T> T execute(String method, URI uri, byte[] body, CallKind kind, CallAbort stop, ResponseReader<T> reader)
            throws Exception {
        String path = uri.getRawPath();
        String call = method + " " + path;
        int maxAttempts = retry.maxAttempts();
        boolean replayedAfter401 = false;
        CallScope scope = new CallScope(call, limits.callTimeout(), stop);
        for (int attempt = 1;; attempt++) {
            AccessToken token = token(scope);
            HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
            request.setConfig(requestConfig);
            request.setHeader(HttpHeaders.ACCEPT, "application/json");
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.value());
            if (body != null) {
                request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            }
            CallScope.Watch watch = scope.watch(request, kind, "the answer");
            statistics.countCall();
            endpointStatistics.countCall();
            Duration wait;
            String cause;
            int retriedStatus = 0;
            try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
                int status = response.getCode();
                HttpEntity entity = AnswerBodies.oneStream(response.getEntity());
                if (status == 401 && !replayedAfter401) {
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("Mapiq {} {} -> 401 (attempt {}/{}): token refused, replaying once with a new token",
                                method, path, attempt, maxAttempts);
                    }
                    AnswerBodies.discard(request, entity);
                    tokens.invalidate(token);
                    replayedAfter401 = true;
                    statistics.countReplay();
                    attempt--;
                    continue;
                }
                if (status / 100 == 3) {
                    request.cancel(); // never read, never drained: the connection is closed
                    throw fail(redirected(method, path, status, response.getFirstHeader(HttpHeaders.LOCATION)), method,
                            path, status, attempt, maxAttempts);
                }
                if (status < 300) {
                    if (LOG.isDebugEnabled()) { // no boxing nor argument array per call unless it is logged
                        LOG.debug("Mapiq {} {} -> {} (attempt {}/{})", method, path, status, attempt, maxAttempts);
                    }
                    T result;
                    try {
                        result = reader.read(status, entity);
                    } catch (IOException | MapiqResponseException | RuntimeException failed) {
                        request.cancel(); // what is left of a bad or oversized answer is not read
                        throw failed;
                    }
                    AnswerBodies.discard(request, entity);
                    return result;
                }
                byte[] errorBody = AnswerBodies.readAtMost(entity, MAX_ERROR_BODY);
                AnswerBodies.discard(request, entity);
                MapiqApiException error = ProblemDetails.toException(method, path, status, errorBody, mapper,
                        secrets(token));
                Header retryAfterHeader = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
                String retryAfterValue = retryAfterHeader == null ? null : retryAfterHeader.getValue();
                Duration retryAfter = retry.retryAfter(retryAfterValue);
                if (!retry.isRetriable(kind, status, retryAfter != null)) {
                    throw fail(error, method, path, status, attempt, maxAttempts);
                }
                if (retryAfter != null && retryAfter.compareTo(retry.maxWait()) > 0) {
                    throw fail(retryAfterTooLong(error, retryAfterValue, retryAfter), method, path, status, attempt,
                            maxAttempts);
                }
                if (attempt >= maxAttempts) {
                    throw fail(error, method, path, status, attempt, maxAttempts);
                }
                wait = retryAfter != null ? retryAfter : retry.backoff(attempt);
                cause = Integer.toString(status);
                retriedStatus = status;
            } catch (IOException | MapiqResponseException e) {
                MapiqException cancelled = cancelled(watch, scope, attempt, e);
                if (cancelled != null) {
                    throw cancelled;
                }
                // an answer that cannot be used is never retried: the same request would get the same answer
                if (!(e instanceof IOException failure) || !retry.isRetriable(kind, failure) || attempt >= maxAttempts) {
                    LOG.debug("Mapiq {} {} -> {} (attempt {}/{}), not retried", method, path, e.getClass().getName(),
                            attempt, maxAttempts);
                    statistics.countFailure();
                    Exception failed = e instanceof MapiqResponseException bad
                            ? bad.masking(secrets(token))
                            : new MapiqConnectionException(Texts.mask("Mapiq API " + call + " failed after " + attempt
                                                                      + (attempt == 1 ? " attempt: " : " attempts: ") + e,
                                                                      secrets(token)), e);
                    endpointStatistics.countError(MapiqEndpointStatistics.IO_ERROR, failed);
                    throw failed;
                }
                wait = retry.backoff(attempt);
                cause = e.getClass().getSimpleName();
            } catch (RuntimeException e) {
                // a request cancelled while HttpClient sets up its connection can end in its IllegalStateException
                // ("Endpoint not acquired / already released"): the cancel decides what the call's failure is
                MapiqException cancelled = cancelled(watch, scope, attempt, e);
                if (cancelled != null) {
                    throw cancelled;
                }
                throw e;
            } finally {
                watch.close();
            }
            if (scope.outlasts(wait)) {
                statistics.countFailure();
                throw scope.timedOut(attempt, null);
            }
            if (wait.compareTo(LOGGED_WAIT) >= 0) {
                LOG.info("Mapiq {} {} -> {} (attempt {}/{}), retrying in {} ms", method, path, cause, attempt,
                        maxAttempts, wait.toMillis());
            } else {
                LOG.debug("Mapiq {} {} -> {} (attempt {}/{}), retrying in {} ms", method, path, cause, attempt,
                        maxAttempts, wait.toMillis());
            }
            statistics.countRetry();
            endpointStatistics.countRetry(retriedStatus, wait);
            try {
                stop.pause(wait, call);
            } catch (MapiqCallAbortedException e) {
                statistics.countFailure();
                throw e;
            }
        }
    }

    private String[] secrets(AccessToken token) {
        return new String[] {credentialSecrets[0], credentialSecrets[1], token.value()};
    }

    /** The failure of a call that its deadline or a stop cancelled, or {@code null} when neither did. */
    private MapiqException cancelled(CallScope.Watch watch, CallScope scope, int attempt, Exception failure) {
        MapiqException cancelled = watch.cancelled(failure);
        if (cancelled == null) {
            return null;
        }
        statistics.countFailure();
        return cancelled instanceof MapiqResponseException ? scope.timedOut(attempt, failure) : cancelled;
    }

    /** A 3xx: never followed, since the request carries the token and the answer may point anywhere. */
    private MapiqApiException redirected(String method, String path, int status, Header location) {
        String where = location == null ? "without a Location" : "to " + Texts.origin(location.getValue());
        String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        return new MapiqApiException("Mapiq API " + method + " " + path + " answered " + status
                                     + (reason == null ? "" : " " + reason) + ", a redirect " + where
                                     + ", which is not followed: the request carries the access token. Check baseUrl "
                                     + "(a proxy or gateway before Mapiq may redirect)",
                status, method, path, null, null, null, Map.of());
    }

    /** The token to send; a call that cannot get one in time fails for good (retries of the token request are done). */
    private AccessToken token(CallScope scope) throws Exception {
        try {
            return tokens.token(tokenSource, scope);
        } catch (Exception e) {
            statistics.countFailure();
            endpointStatistics.countError(MapiqEndpointStatistics.TOKEN_ERROR, e);
            throw e;
        }
    }

    private MapiqApiException fail(MapiqApiException error, String method, String path, int status, int attempt,
                                   int maxAttempts) {
        LOG.debug("Mapiq {} {} -> {} (attempt {}/{}), not retried", method, path, status, attempt, maxAttempts);
        statistics.countFailure();
        endpointStatistics.countError(Integer.toString(status), error);
        return error;
    }

    private MapiqApiException retryAfterTooLong(MapiqApiException error, String value, Duration wait) {
        String message = error.getMessage() + "; it asked to retry after " + value + " (" + wait.toSeconds()
                         + " s), longer than maxRetryWait (" + retry.maxWait().toMillis()
                         + " ms), so the call fails now instead of blocking the route; raise maxRetryWait to wait that "
                         + "long";
        return error.withMessage(message);
    }
}
