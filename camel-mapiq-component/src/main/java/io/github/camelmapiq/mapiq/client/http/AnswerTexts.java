package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;

/**
 * Answers kept as text ({@code mapiq:raw}): read within {@code maxResponseSize}, and a JSON answer checked to be one
 * JSON value within the limits in one streaming pass over its text, without building a tree; the checking parser
 * keeps no table of field names (each answer is checked once, so a table would only cost). The content type of the
 * last answer is kept parsed: a route's calls get the same one again and again.
 */
final class AnswerTexts {

    private final ReadLimits limits;
    private final JsonFactory checking;
    private volatile KnownType lastType = new KnownType(null, null);

    private record KnownType(String header, ContentType type) {
    }

    AnswerTexts(ReadLimits limits) {
        this.limits = limits;
        this.checking = limits.jsonFactory().rebuild().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
    }

    /** The parsed content type of {@code entity} (lenient: a bad one is none). */
    ContentType type(HttpEntity entity) {
        String header = entity.getContentType();
        KnownType known = lastType;
        if (header == null ? known.header() == null : header.equals(known.header())) {
            return known.type();
        }
        ContentType type = ContentType.parseLenient(header);
        lastType = new KnownType(header, type);
        return type;
    }

    /** A text answer of content {@code type}, at most {@code maxResponseSize} bytes once decompressed. */
    String text(HttpEntity entity, ContentType type, String call) throws IOException, MapiqResponseException {
        return new String(bytes(entity, call), charset(type));
    }

    /** A JSON answer as its text, checked to be one JSON value within the limits; {@code null} for a blank one. */
    String json(HttpEntity entity, ContentType type, String call) throws IOException, MapiqResponseException {
        String text = text(entity, type, call);
        if (text.isBlank()) {
            return null;
        }
        try (JsonParser parser = checking.createParser(text)) {
            if (parser.nextToken() != null) {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new MapiqResponseException("Mapiq API " + call + " answered malformed JSON: more than one "
                                                 + "value", null);
            }
        } catch (StreamConstraintsException e) {
            throw limits.beyond(call, e);
        } catch (JsonParseException e) {
            throw new MapiqResponseException("Mapiq API " + call + " answered malformed JSON: "
                                             + e.getOriginalMessage(), e);
        }
        return text;
    }

    private byte[] bytes(HttpEntity entity, String call) throws IOException, MapiqResponseException {
        byte[] bytes = AnswerBodies.readWhole(entity, limits.maxResponseSize());
        if (bytes == null) {
            throw new MapiqResponseException("Mapiq API " + call + " answered more than maxResponseSize ("
                                             + limits.maxResponseSize() + " bytes, counted after decompression); "
                                             + "raise maxResponseSize to take larger answers", null);
        }
        return bytes;
    }

    private static Charset charset(ContentType type) {
        return type == null || type.getCharset() == null ? StandardCharsets.UTF_8 : type.getCharset();
    }
}
