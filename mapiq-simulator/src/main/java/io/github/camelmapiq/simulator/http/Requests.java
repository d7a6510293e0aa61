package io.github.camelmapiq.simulator.http;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Reading a request: query strings, form bodies and JSON bodies. */
public final class Requests {

    private Requests() {
    }

    /** The decoded query parameters; the first value of a repeated name wins. */
    public static Map<String, String> query(HttpExchange ex) {
        return form(ex.getRequestURI().getRawQuery());
    }

    /** Decodes {@code application/x-www-form-urlencoded} text; the first value of a repeated name wins. */
    public static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /** A form body; an OAuth {@code invalid_request} when the content type is not form-encoded. */
    public static Map<String, String> formBody(HttpExchange ex) {
        String ct = ex.getRequestHeaders().getFirst("Content-Type");
        if (ct == null || !ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw ApiException.oauth(400, "invalid_request",
                    "The content-type must be application/x-www-form-urlencoded.");
        }
        try {
            return form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trimmed value of a parameter, or {@code null} when it is absent or blank. */
    public static String param(Map<String, String> q, String name) {
        String v = q.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** The JSON body as maps, lists and scalars; a 400 naming {@code body} when it is empty or not JSON. */
    public static Object jsonBody(HttpExchange ex, Json json) {
        byte[] bytes;
        try {
            bytes = ex.getRequestBody().readAllBytes();
        } catch (IOException e) {
            throw ApiException.field("body", "The body is not valid JSON: " + e.getMessage());
        }
        return json.parse(bytes);
    }

    /** The JSON body, which must be an object; a 400 naming {@code body} otherwise. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> jsonObject(HttpExchange ex, Json json) {
        Object o = jsonBody(ex, json);
        if (!(o instanceof Map)) {
            throw ApiException.field("body", "The body must be a JSON object.");
        }
        return (Map<String, Object>) o;
    }
}
