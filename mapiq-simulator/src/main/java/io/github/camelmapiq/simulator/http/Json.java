package io.github.camelmapiq.simulator.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/** JSON in and out with one shared {@link ObjectMapper}: bodies are streamed through a generator, never built as trees. */
public final class Json {

    /** Writes a JSON value with a generator that has a codec, so {@code writeObject} works. */
    @FunctionalInterface
    public interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private final ObjectMapper mapper = new ObjectMapper();

    public byte[] bytes(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(out, body);
        return out.toByteArray();
    }

    public void write(OutputStream out, Body body) {
        try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 200 (or other status) answer with this JSON value (maps, lists, strings, numbers). */
    public Reply reply(int status, Object value) {
        return Reply.json(status, bytes(g -> g.writeObject(value)));
    }

    /** Parses a request body into maps, lists and scalars; a 400 naming {@code body} when it is empty or not JSON. */
    public Object parse(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.field("body", "A JSON body is required.");
        }
        try {
            return mapper.readValue(bytes, Object.class);
        } catch (IOException e) {
            throw ApiException.field("body", "The body is not valid JSON: "
                    + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }
}
