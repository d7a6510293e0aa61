package io.github.camelmapiq.mapiq.http;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls the Mapiq API with a bearer token from the component's token manager: retries, paging, errors.
 * <p>
 * SKELETON: the signatures are the contract consumers and producers code against; the component-core work (issue 3)
 * implements them.
 */
public final class MapiqHttpClient {

    /**
     * Lists every record under {@code path} (relative to the base URL), following {@code continuationToken} to the
     * end; a bare JSON array answer is accepted too. Each record is handed to {@code sink} as soon as it is parsed (the
     * response is streamed, never held whole). Reads are retried per the retry options.
     *
     * @param  query    query parameters (startDate, endDate, userId, ...); {@code pageSize} is added by the client
     * @return          the number of records handed to the sink
     * @throws MapiqApiException on an API error after retries
     */
    public long list(String path, Map<String, String> query, int pageSize, RecordSink sink) throws Exception {
        throw new UnsupportedOperationException("not implemented yet");
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
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Fetches a token now, failing with a clear message on bad credentials (for {@code failFast}). */
    public void checkCredentials() throws Exception {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The JSON mapper configured for the model (java.time, unknown fields kept). */
    public ObjectMapper mapper() {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
