package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.client.auth.TokenManager;
import io.github.camelmapiq.mapiq.client.auth.TokenSource;
import io.github.camelmapiq.mapiq.client.auth.TokenStatistics;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Calls the Mapiq API with a bearer token from the component's token manager: lists (paging), single calls and
 * their answers. Each call's attempts, retries and errors are run by a {@link CallExecutor}.
 */
public final class MapiqHttpClient {

    private final CallUris uris;
    private final AnswerTexts texts;
    private final ObjectMapper mapper;
    private final ReadLimits limits;
    private final JsonFactory jsonFactory;
    private final MapiqEndpointStatistics endpointStatistics;
    private final CallExecutor executor;

    MapiqHttpClient(String baseUrl, CloseableHttpClient http, TokenManager tokens, TokenSource tokenSource,
                    RetryPolicy retry, ObjectMapper mapper, MapiqClientStatistics statistics, CallAbort abort,
                    ReadLimits limits, MapiqEndpointStatistics endpointStatistics, String[] credentialSecrets,
                    RequestConfig requestConfig) {
        this.uris = new CallUris(baseUrl);
        this.texts = new AnswerTexts(limits);
        this.mapper = mapper;
        this.limits = limits;
        this.jsonFactory = limits.jsonFactory();
        this.endpointStatistics = endpointStatistics;
        this.executor = new CallExecutor(http, tokens, tokenSource, retry, mapper, statistics, abort, limits,
                endpointStatistics, credentialSecrets, requestConfig);
    }

    /** The calls, retries, waits, errors and pages of the endpoint this client serves. */
    public MapiqEndpointStatistics endpointStatistics() {
        return endpointStatistics;
    }

    /** Token times, fetches and failures of this client's credential set. */
    public TokenStatistics tokenStatistics() {
        return executor.tokenStatistics();
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
        return new Listing(this, path, calls, pageSize, keyFields, prefetch, limits.maxPages(), executor.stopOfOne());
    }

    /**
     * One page of a listing, as its call fetched it ({@link PageReader#fetch}).
     *
     * @param stop the listing's own stop, which also ends with the component's
     */
    FetchedPage page(String path, Map<String, String> query, String[] keyFields, ObjectReader binder, CallAbort stop)
            throws Exception {
        URI uri = uris.of(path, query);
        PageReader reader = new PageReader(jsonFactory, limits, "GET " + uri.getRawPath(), keyFields, binder);
        return executor.execute("GET", uri, null, CallKind.READ, stop, (status, entity) -> entity == null
                ? FetchedPage.of(PageReader.Page.EMPTY) : reader.fetch(entity.getContent()));
    }

    /** Counts a page of a listing whose records were read. */
    void countPage(int records) {
        endpointStatistics.countPage(records);
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
        return call(method, path, query, body, kind, false, false);
    }

    /**
     * {@link #call} for {@code mapiq:raw}, whose calls may reach endpoints that do not answer JSON (an export answering
     * CSV): an answer whose content type is not JSON is kept as text in {@link MapiqResponse#text()} instead of failing
     * as malformed JSON. The modelled operations keep using {@link #call}, where such an answer (a proxy's HTML page,
     * say) is an error.
     */
    public MapiqResponse callForAnyContent(String method, String path, Object body, CallKind kind) throws Exception {
        return call(method, path, null, body, kind, true, false);
    }

    /**
     * {@link #callForAnyContent} for a caller that wants every answer as text: a JSON answer is checked to be JSON
     * within the limits, in one streaming pass, and kept as the text Mapiq sent, without building a tree.
     */
    public MapiqResponse callForText(String method, String path, Object body, CallKind kind) throws Exception {
        return call(method, path, null, body, kind, true, true);
    }

    private MapiqResponse call(String method, String path, Map<String, String> query, Object body, CallKind kind,
                               boolean anyContent, boolean jsonAsText) throws Exception {
        URI uri = uris.of(path, query);
        byte[] json = body == null ? null
                : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                : body instanceof byte[] b ? b : mapper.writeValueAsBytes(body);
        String verb = method.toUpperCase(Locale.ROOT);
        return executor.execute(verb, uri, json, kind, (status, entity) -> {
            if (entity == null) {
                return new MapiqResponse(status, null);
            }
            ContentType type = anyContent ? texts.type(entity) : null;
            if (anyContent && !isJson(type)) {
                return new MapiqResponse(status, null, texts.text(entity, type, verb + " " + uri.getRawPath()));
            }
            if (jsonAsText) {
                String text = texts.json(entity, type, verb + " " + uri.getRawPath());
                return text == null ? new MapiqResponse(status, null) : new MapiqResponse(status, null, text);
            }
            return new MapiqResponse(status, readBody(entity.getContent(), verb + " " + uri.getRawPath()));
        });
    }

    /** JSON unless the content type names another type (an answer without content type is taken as JSON). */
    private static boolean isJson(ContentType type) {
        String mime = type == null ? null : type.getMimeType();
        return mime == null || mime.endsWith("/json") || mime.endsWith("+json");
    }

    /** Fetches a token now, failing with a clear message on bad credentials (for {@code failFast}). */
    public void checkCredentials() throws Exception {
        executor.checkCredentials();
    }

    /** The JSON mapper configured for the model (java.time, unknown fields kept). */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** A JSON answer; the stream is left open, for the call to end as the rest of the body requires. */
    private JsonNode readBody(InputStream in, String call) throws IOException, MapiqResponseException {
        try (JsonParser parser = jsonFactory.createParser(in)) {
            JsonNode node = mapper.readTree(parser);
            return node == null || node.isMissingNode() ? null : node;
        } catch (StreamConstraintsException e) {
            throw limits.beyond(call, e);
        } catch (JsonParseException e) {
            if (PageReader.isTruncation(e)) {
                throw e;
            }
            throw new MapiqResponseException("Mapiq API " + call + " answered malformed JSON: "
                                             + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "MapiqHttpClient{baseUrl=" + Texts.url(uris.baseUrl()) + "}";
    }
}
