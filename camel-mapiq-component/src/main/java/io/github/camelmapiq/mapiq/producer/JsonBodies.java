package io.github.camelmapiq.mapiq.producer;

import java.io.File;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;
import org.apache.camel.WrappedFile;

/**
 * Reads a message body as a JSON tree, whatever it holds: a model object, a Map or List, a Jackson tree, JSON text
 * (String, bytes, InputStream, Reader, stream cache) or a file holding JSON (what {@code from("file:...")} delivers).
 */
final class JsonBodies {

    private JsonBodies() {
    }

    /**
     * The body as a JSON tree, {@code null} when there is no body.
     *
     * @param  what names the body in the error, e.g. {@code "The body of mapiq:occupancy"}
     * @throws IllegalArgumentException when text is not JSON
     */
    static JsonNode read(Exchange exchange, ObjectMapper mapper, String what) {
        Object body = exchange.getMessage().getBody();
        if (body == null) {
            return null;
        }
        if (body instanceof JsonNode node) {
            return node;
        }
        if (isText(body)) {
            String text = exchange.getMessage().getBody(String.class);
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return mapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        try {
            return mapper.valueToTree(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    what + " (" + body.getClass().getName() + ") cannot be converted to JSON: " + e.getMessage(), e);
        }
    }

    /** Bodies that hold text (JSON or not), read through Camel's type converters (files included). */
    static boolean isText(Object body) {
        return body instanceof CharSequence || body instanceof byte[] || body instanceof InputStream
               || body instanceof Reader || body instanceof StreamCache || body instanceof WrappedFile<?>
               || body instanceof File || body instanceof Path;
    }
}
