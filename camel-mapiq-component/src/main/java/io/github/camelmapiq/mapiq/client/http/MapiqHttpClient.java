package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.client.auth.AccessToken;
import io.github.camelmapiq.mapiq.client.auth.TokenManager;
import io.github.camelmapiq.mapiq.client.auth.TokenSource;
import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqCallAbortedException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.net.URIBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Mapiq API with a bearer token from the component's token manager: retries, paging, errors.
 * <p>
 * Every attempt is logged at DEBUG (method, path, status, attempt n/max, wait), a wait of a second or more before a
 * retry at INFO (once per wait), and counted in the component's {@link MapiqClientStatistics} and the endpoint's
 * {@link MapiqEndpointStatistics}; tokens and query strings are never logged. A 401 drops the token (if still current)
 * and replays the call once with a new one.
 */
public final class MapiqHttpClient {

    private static final Logger LOG = LoggerFactory.getLogger(MapiqHttpClient.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String baseUrl;
    private final CloseableHttpClient http;
    private final TokenManager tokens;
    /** This endpoint's own token client: the tokens are shared, each request follows the settings of its endpoint. */
    private final TokenSource tokenSource;
    private final RetryPolicy retry;
    private final ObjectMapper mapper;
    private final MapiqClientStatistics statistics;
    private static final Duration LOGGED_WAIT = Duration.ofSeconds(1);

    private final CallAbort abort;
    private final ReadLimits limits;
    private final JsonFactory jsonFactory;
    private final MapiqEndpointStatistics endpointStatistics;

    MapiqHttpClient(String baseUrl, CloseableHttpClient http, TokenManager tokens, TokenSource tokenSource,
                    RetryPolicy retry, ObjectMapper mapper, MapiqClientStatistics statistics, CallAbort abort,
                    ReadLimits limits, MapiqEndpointStatistics endpointStatistics) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = http;
        this.tokens = tokens;
        this.tokenSource = tokenSource;
        this.retry = retry;
        this.mapper = mapper;
        this.statistics = statistics;
        this.abort = abort;
        this.limits = limits;
        this.jsonFactory = limits.jsonFactory();
        this.endpointStatistics = endpointStatistics;
    }

    /** The calls, retries, waits, errors and pages of the endpoint this client serves. */
    public MapiqEndpointStatistics endpointStatistics() {
        return endpointStatistics;
    }

    /** Token times, fetches and failures of this client's credential set. */
    public TokenStatistics tokenStatistics() {
        return tokens.statistics();
    }

    /**
     * Lists every record under {@code path} (relative to the base URL), following {@code continuationToken} to the
     * end; a bare JSON array answer is accepted too. Each record is handed to {@code sink} as a tree, page by page.
     * Reads are retried per the retry options. Meant for small listings (time zones, a route's lookup); the consumers
     * and {@code operation=list} use {@link #openListing}, which binds each record straight into its output form.
     *
     * @param  query    query parameters (startDate, endDate, userId, ...); {@code pageSize} is added by the client
     * @return          the number of records handed to the sink
     * @throws MapiqApiException on an API error after retries
     */
    public long list(String path, Map<String, String> query, int pageSize, RecordSink sink) throws Exception {
        long total = 0;
        ObjectReader trees = mapper.readerFor(ObjectNode.class);
        try (Listing listing = openListing(path, List.of(query == null ? Map.of() : query), pageSize, null)) {
            for (List<ListedRecord> page = listing.nextPage(); page != null; page = listing.nextPage()) {
                for (ListedRecord record : page) {
                    sink.accept(record.read(trees));
                    total++;
                }
            }
        }
        return total;
    }

    /**
     * Opens the listing of {@code path}: one call per element of {@code calls} (query parameters; {@code pageSize} and
     * {@code continuationToken} are added by the client), each followed through all its pages.
     *
     * @param keyFields top-level fields whose text each record carries ({@link ListedRecord#key})
     * @param prefetch  where the next page is fetched while the caller works on the current one; {@code null} fetches
     *                  each page when it is asked for
     */
    public Listing openListing(String path, List<Map<String, String>> calls, int pageSize, Executor prefetch,
                               String... keyFields) {
        return new Listing(this, path, calls, pageSize, keyFields, prefetch, limits.maxPages());
    }

    /** One page of a listing. */
    PageReader.Page page(String path, Map<String, String> query, String[] keyFields) throws Exception {
        URI uri = uri(path, query);
        PageReader reader = new PageReader(jsonFactory, limits, "GET " + uri.getRawPath(), keyFields);
        PageReader.Page page = execute("GET", uri, null, CallKind.READ,
                (status, entity) -> entity == null ? PageReader.Page.EMPTY : reader.read(entity.getContent()));
        endpointStatistics.countPage(page.records().size());
        return page;
    }

    /**
     * One call: {@code method} on {@code path} (relative to the base URL, may carry a query string) with optional
     * {@code query} parameters and a JSON {@code body} (a Jackson tree, a POJO, a Map, a String of JSON or null).
     * {@code kind} decides what may be retried.
     *
     * @throws MapiqApiException on a 4xx/5xx answer after retries
     */
    public MapiqResponse call(String method, String path, Map<String, String> query, Object body, CallKind kind)
            throws Exception {
        return call(method, path, query, body, kind, false);
    }

    /**
     * {@link #call} for {@code mapiq:raw}, whose calls may reach endpoints that do not answer JSON (an export answering
     * CSV): an answer whose content type is not JSON is kept as text in {@link MapiqResponse#text()} instead of failing
     * as malformed JSON. The modelled operations keep using {@link #call}, where such an answer (a proxy's HTML page,
     * say) is an error.
     */
    public MapiqResponse callForAnyContent(String method, String path, Object body, CallKind kind) throws Exception {
        return call(method, path, null, body, kind, true);
    }

    private MapiqResponse call(String method, String path, Map<String, String> query, Object body, CallKind kind,
                               boolean anyContent) throws Exception {
        URI uri = uri(path, query);
        byte[] json = body == null ? null
                : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : body instanceof byte[] b ? b : mapper.writeValueAsBytes(body);
        String verb = method.toUpperCase(Locale.ROOT);
        return execute(verb, uri, json, kind, (status, entity) -> {
            if (entity == null) {
                return new MapiqResponse(status, null);
            }
            if (anyContent && !isJson(entity)) {
                return new MapiqResponse(status, null, readText(entity));
            }
            return new MapiqResponse(status, readBody(entity.getContent(), verb + " " + uri.getRawPath()));
        });
    }

    private static String readText(HttpEntity entity) throws IOException {
        ContentType type = ContentType.parseLenient(entity.getContentType());
        Charset charset = type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
        try (InputStream in = entity.getContent()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    /** JSON unless the content type names another type (an answer without content type is taken as JSON). */
    private static boolean isJson(HttpEntity entity) {
        ContentType type = ContentType.parseLenient(entity.getContentType());
        String mime = type == null ? null : type.getMimeType();
        return mime == null || mime.endsWith("/json") || mime.endsWith("+json");
    }

    /** Fetches a token now, failing with a clear message on bad credentials (for {@code failFast}). */
    public void checkCredentials() throws Exception {
        tokens.token(tokenSource);
    }

    /** The JSON mapper configured for the model (java.time, unknown fields kept). */
    public ObjectMapper mapper() {
        return mapper;
    }

    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(int status, HttpEntity entity) throws IOException, MapiqResponseException;
    }

    private <T> T execute(String method, URI uri, byte[] body, CallKind kind, ResponseReader<T> reader)
            throws Exception {
        String path = uri.getRawPath();
        int maxAttempts = retry.maxAttempts();
        boolean replayedAfter401 = false;
        long timeout = limits.callTimeout().toNanos();
        long deadline = System.nanoTime() + timeout;
        for (int attempt = 1;; attempt++) {
            AccessToken token = token();
            HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
            request.setHeader(HttpHeaders.ACCEPT, "application/json");
            request.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token.value());
            if (body != null) {
                request.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
            }
            String call = method + " " + path;
            abort.started(request, kind);
            statistics.countCall();
            endpointStatistics.countCall();
            Duration wait;
            String cause;
            AtomicBoolean timedOut = new AtomicBoolean();
            ScheduledFuture<?> timer = timeout == 0 ? null
                    : CallDeadlines.cancelAt(deadline, () -> {
                        timedOut.set(true);
                        request.cancel();
                    });
            int retriedStatus = 0;
            try (ClassicHttpResponse response = http.executeOpen(null, request, null)) {
                int status = response.getCode();
                if (status == 401 && !replayedAfter401) {
                    LOG.debug("Mapiq {} {} -> 401 (attempt {}/{}): token refused, replaying once with a new token",
                            method, path, attempt, maxAttempts);
                    EntityUtils.consumeQuietly(response.getEntity());
                    tokens.invalidate(token);
                    replayedAfter401 = true;
                    statistics.countReplay();
                    attempt--;
                    continue;
                }
                if (status < 400) {
                    LOG.debug("Mapiq {} {} -> {} (attempt {}/{})", method, path, status, attempt, maxAttempts);
                    T result = reader.read(status, response.getEntity());
                    EntityUtils.consumeQuietly(response.getEntity());
                    return result;
                }
                MapiqApiException error = ProblemDetails.toException(method, path, status,
                        readBounded(response.getEntity()), mapper);
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
                if (timedOut.get()) {
                    statistics.countFailure();
                    throw timedOut(call, attempt, e);
                }
                if (abort.isAborting()) {
                    statistics.countFailure();
                    throw new MapiqCallAbortedException(call);
                }
                // an answer that cannot be used is never retried: the same request would get the same answer
                if (!(e instanceof IOException failure) || !retry.isRetriable(kind, failure) || attempt >= maxAttempts) {
                    LOG.debug("Mapiq {} {} -> {} (attempt {}/{}), not retried", method, path, e.getClass().getName(),
                            attempt, maxAttempts);
                    statistics.countFailure();
                    endpointStatistics.countError(MapiqEndpointStatistics.IO_ERROR, e);
                    if (e instanceof MapiqResponseException bad) {
                        throw bad;
                    }
                    throw new IOException("Mapiq API " + method + " " + path + " failed after " + attempt
                                          + (attempt == 1 ? " attempt: " : " attempts: ") + e, e);
                }
                wait = retry.backoff(attempt);
                cause = e.getClass().getSimpleName();
            } finally {
                if (timer != null) {
                    timer.cancel(false);
                }
                abort.done(request);
            }
            if (timeout != 0 && System.nanoTime() + wait.toNanos() >= deadline) {
                statistics.countFailure();
                throw timedOut(call, attempt, null);
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
                abort.pause(wait, call);
            } catch (MapiqCallAbortedException e) {
                statistics.countFailure();
                throw e;
            }
        }
    }

    private MapiqResponseException timedOut(String call, int attempts, Exception cause) {
        return new MapiqResponseException("Mapiq API " + call + " did not complete within callTimeout ("
                                          + limits.callTimeout().toMillis() + " ms, " + attempts
                                          + (attempts == 1 ? " attempt" : " attempts") + ")", cause);
    }

    /** The token to send; a call that cannot get one fails for good (retries of the token request are done). */
    private AccessToken token() throws Exception {
        try {
            return tokens.token(tokenSource);
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

    private JsonNode readBody(InputStream in, String call) throws IOException, MapiqResponseException {
        try (in; JsonParser parser = jsonFactory.createParser(in)) {
            JsonNode node = mapper.readTree(parser);
            return node == null || node.isMissingNode() ? null : node;
        } catch (StreamConstraintsException e) {
            throw new MapiqResponseException("Mapiq API " + call + " answered beyond the configured limits "
                                             + "(maxResponseSize " + limits.maxResponseSize() + ", maxNestingDepth "
                                             + limits.maxNestingDepth() + "): " + e.getOriginalMessage(), e);
        } catch (JsonParseException e) {
            if (PageReader.isTruncation(e)) {
                throw e;
            }
            throw new MapiqResponseException("Mapiq API " + call + " answered malformed JSON: "
                                             + e.getOriginalMessage(), e);
        }
    }

    private static byte[] readBounded(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            return in.readNBytes(MAX_ERROR_BODY);
        }
    }

    private URI uri(String path, Map<String, String> query) {
        String p = path == null ? "" : path.startsWith("/") || path.isEmpty() ? path : "/" + path;
        try {
            URIBuilder builder = new URIBuilder(baseUrl + p);
            if (query != null) {
                query.forEach((name, value) -> {
                    if (value != null) {
                        builder.addParameter(name, value);
                    }
                });
            }
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Invalid Mapiq URL from baseUrl '" + baseUrl + "' and path '" + p + "': "
                                               + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MapiqHttpClient{baseUrl=" + baseUrl + "}";
    }
}
