package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.client.error.MapiqApiException;
import io.github.camelmapiq.mapiq.client.error.Texts;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * Reads an RFC 7807 error answer (or whatever else Mapiq sent) into a {@link MapiqApiException}. Mapiq, or a proxy
 * before it, may quote the request in its answer: every text taken from the answer (title, detail, trace id, field
 * errors, a body that is not problem details) has the client secret and the bearer token masked before it reaches
 * the exception, so its message, accessors, and every log line, health check and JMX attribute quoting it are clean.
 * The message quotes the server's text as data: on one line, control characters escaped, shortened with a marker.
 */
final class ProblemDetails {

    private static final int MAX_TEXT = Texts.QUOTED;

    private ProblemDetails() {
    }

    /**
     * @param secrets what must never appear in the exception: the client secret and the token sent with the call
     */
    static MapiqApiException toException(String method, String path, int status, byte[] body, ObjectMapper mapper,
                                         String... secrets) {
        JsonNode problem = parse(body, mapper);
        String title = Texts.mask(text(problem, "title"), secrets);
        String detail = Texts.mask(text(problem, "detail"), secrets);
        String traceId = Texts.mask(text(problem, "traceId"), secrets);
        Map<String, List<String>> fieldErrors = fieldErrors(problem, secrets);
        if (problem == null && body.length > 0) {
            detail = Texts.abbreviate(Texts.mask(new String(body, StandardCharsets.UTF_8), secrets), MAX_TEXT);
        }
        String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ENGLISH);
        StringBuilder msg = new StringBuilder("Mapiq API ").append(method).append(' ').append(path)
                .append(" answered ").append(status);
        if (reason != null) {
            msg.append(' ').append(reason);
        }
        String explanation = detail != null ? detail : title;
        if (explanation != null && !explanation.equals(reason)) {
            msg.append(": ").append(Texts.quote(explanation, MAX_TEXT));
        }
        List<String> extras = new ArrayList<>(2);
        if (traceId != null) {
            extras.add("traceId " + Texts.quote(traceId, 80));
        }
        if (!fieldErrors.isEmpty()) {
            StringBuilder fe = new StringBuilder("field errors: ");
            fieldErrors.forEach((field, messages) -> fe.append(field).append(": ").append(messages).append(", "));
            extras.add(Texts.quote(fe.substring(0, fe.length() - 2), MAX_TEXT));
        }
        if (!extras.isEmpty()) {
            msg.append(" (").append(String.join("; ", extras)).append(')');
        }
        return new MapiqApiException(msg.toString(), status, method, path, title, detail, traceId, fieldErrors);
    }

    private static JsonNode parse(byte[] body, ObjectMapper mapper) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String text(JsonNode problem, String field) {
        if (problem == null) {
            return null;
        }
        JsonNode v = problem.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Map<String, List<String>> fieldErrors(JsonNode problem, String... secrets) {
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors == null || !errors.isObject()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = errors.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> messages = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(m -> messages.add(Texts.mask(m.asText(), secrets)));
            } else {
                messages.add(Texts.mask(e.getValue().asText(), secrets));
            }
            result.put(Texts.mask(e.getKey(), secrets), List.copyOf(messages));
        }
        return result;
    }
}
