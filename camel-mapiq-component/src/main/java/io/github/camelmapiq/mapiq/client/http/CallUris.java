package io.github.camelmapiq.mapiq.client.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.hc.core5.net.URIBuilder;

/**
 * The URI of each call under one base URL. A path without query parameters (a raw call's, a {@code get} by id's) is
 * parsed once and kept, so that a route making the same small call many times does not parse its URL each time; at
 * most {@value #KEPT} paths are kept (all are forgotten when that many are held: ids in paths do not grow it).
 */
final class CallUris {

    static final int KEPT = 256;

    private final String baseUrl;
    private final Map<String, URI> parsed = new ConcurrentHashMap<>();

    CallUris(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** {@code path} (relative to the base URL, already encoded, may hold a query) with {@code query} added. */
    URI of(String path, Map<String, String> query) {
        String p = path == null ? "" : path.startsWith("/") || path.isEmpty() ? path : "/" + path;
        if (query != null && !query.isEmpty()) {
            return withQuery(p, query);
        }
        URI known = parsed.get(p);
        if (known != null) {
            return known;
        }
        URI uri = parse(p);
        if (parsed.size() >= KEPT) {
            parsed.clear();
        }
        parsed.put(p, uri);
        return uri;
    }

    private URI parse(String p) {
        try {
            return new URI(baseUrl + p); // one parse: the path is already encoded (a raw path, a record's path)
        } catch (URISyntaxException e) {
            throw invalid(p, e);
        }
    }

    private URI withQuery(String p, Map<String, String> query) {
        try {
            URIBuilder builder = new URIBuilder(baseUrl + p);
            query.forEach((name, value) -> {
                if (value != null) {
                    builder.addParameter(name, value);
                }
            });
            return builder.build();
        } catch (URISyntaxException e) {
            throw invalid(p, e);
        }
    }

    private IllegalArgumentException invalid(String p, URISyntaxException e) {
        return new IllegalArgumentException("Invalid Mapiq URL from baseUrl '" + Texts.url(baseUrl) + "' and path '" + p
                                            + "': " + e.getMessage(), e);
    }
}
