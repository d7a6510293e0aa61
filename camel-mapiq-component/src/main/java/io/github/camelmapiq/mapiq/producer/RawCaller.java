package io.github.camelmapiq.mapiq.producer;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.MapiqEndpoint;
import io.github.camelmapiq.mapiq.MapiqOutputFormat;
import io.github.camelmapiq.mapiq.ProducerSettings;
import io.github.camelmapiq.mapiq.client.http.CallKind;
import io.github.camelmapiq.mapiq.client.http.MapiqResponse;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code mapiq:raw}: any call under the API base that the component does not model yet, with the component's token
 * handling, retries and errors. Method and path come from headers {@code CamelMapiqMethod} / {@code CamelMapiqPath}, else
 * the {@code method} / {@code path} options. The body is sent as JSON for POST, PUT and PATCH; GET and DELETE send none.
 * The answer's JSON becomes the body as text, or as Map/List with {@code outputFormat=map} (raw answers have no model,
 * so {@code pojo} also gives text); an answer of another content type (CSV, plain text) is the body as text whatever
 * the format. Header {@code CamelMapiqHttpStatus} is set.
 */
final class RawCaller implements ProducerOperation {

    /** Unreserved and reserved characters of RFC 3986, and {@code %} of escapes already written. */
    private static final String URL_CHARACTERS = "-._~:/?#[]@!$&'()*+,;=%";

    private final MapiqEndpoint endpoint;
    private final ProducerSettings.Raw settings;
    private final boolean answerAsMap;

    RawCaller(MapiqEndpoint endpoint) {
        this.endpoint = endpoint;
        this.settings = endpoint.getSettings().producer().raw();
        this.answerAsMap = endpoint.getSettings().outputFormat() == MapiqOutputFormat.map;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        String header = message.getHeader(MapiqConstants.METHOD, String.class);
        String method = header != null && !header.isBlank()
                ? ProducerSettings.rawMethod(header, "header " + MapiqConstants.METHOD)
                : settings.method();
        String path = path(message);
        Object body = null;
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            body = JsonBodies.read(exchange, MapiqJson.mapper(), "The body of mapiq:raw");
        }
        CallKind kind = method.equals("GET") ? CallKind.READ : CallKind.WRITE;
        MapiqResponse response = answerAsMap
                ? endpoint.getClient().callForAnyContent(method, path, body, kind)
                : endpoint.getClient().callForText(method, path, body, kind);
        message.setHeader(MapiqConstants.HTTP_STATUS, response.status());
        message.setHeader(MapiqConstants.RESOURCE, endpoint.getResource().uriName());
        message.setBody(response.text() != null ? response.text() : answer(response.body()));
    }

    private Object answer(JsonNode json) throws JsonProcessingException {
        if (json == null) {
            return null;
        }
        if (answerAsMap) {
            return MapiqJson.mapper().convertValue(json, Object.class);
        }
        return MapiqJson.mapper().writeValueAsString(json);
    }

    private String path(Message message) {
        String header = message.getHeader(MapiqConstants.PATH, String.class);
        String path = header != null && !header.isBlank() ? header.trim() : settings.path();
        if (path == null) {
            throw new IllegalArgumentException(
                    "mapiq:raw needs a path: set option path (e.g. path=/v2/users) or header " + MapiqConstants.PATH);
        }
        if (path.contains("://")) {
            // the bearer token must never be sent to another host
            throw new IllegalArgumentException(
                    "mapiq:raw path '" + path + "' must be relative to baseUrl (e.g. /v2/users), not a full URL");
        }
        return encodeIllegalCharacters(path.startsWith("/") ? path : "/" + path);
    }

    /**
     * Percent-encodes what may not stand in a URL (spaces, non-ASCII, quotes, ...), as a path built from headers with
     * {@code simple} easily holds, and keeps everything else as written: separators, existing {@code %xx} escapes and
     * {@code +}.
     */
    private static String encodeIllegalCharacters(String path) {
        int i = 0;
        while (i < path.length() && allowed(path.charAt(i))) {
            i++;
        }
        if (i == path.length()) {
            return path; // the common case: nothing to encode, no copy
        }
        StringBuilder encoded = new StringBuilder(path.length());
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (allowed(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean allowed(int c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || URL_CHARACTERS.indexOf(c) >= 0);
    }
}
