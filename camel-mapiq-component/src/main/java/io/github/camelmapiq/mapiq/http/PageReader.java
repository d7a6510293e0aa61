package io.github.camelmapiq.mapiq.http;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Streams one page of a list answer, {@code {"items": [...], "continuationToken": ...}} (fields in any order) or a bare
 * array, handing each record to the sink as soon as it is parsed: only one record is held at a time.
 * <p>
 * If the answer breaks off (connection reset, truncated body) before any record was delivered, the IOException goes
 * up unchanged so the page can be asked again; after records were delivered it becomes a {@link MapiqResponseException}
 * and is not retried, since asking again would deliver those records twice.
 */
final class PageReader {

    /** What a page gave: the records delivered and the token of the next page (null on the last page). */
    record Page(long records, String continuationToken) {
    }

    /** A sink's own exception, carried through the parsing code untouched. */
    static final class SinkFailure extends RuntimeException {
        SinkFailure(Exception cause) {
            super(cause);
        }
    }

    private final ObjectMapper mapper;
    private final String call;

    /** @param call "GET /v2/users", for error messages */
    PageReader(ObjectMapper mapper, String call) {
        this.mapper = mapper;
        this.call = call;
    }

    Page read(InputStream in, RecordSink sink) throws IOException {
        long[] delivered = { 0 };
        try (JsonParser parser = mapper.getFactory().createParser(in)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readItems(parser, sink, delivered);
                return new Page(delivered[0], null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw new MapiqResponseException(
                        "Mapiq API " + call + " answered " + (first == null ? "an empty body" : first.asString())
                                                 + " where a list (an object with items, or an array) was expected",
                        null);
            }
            String continuation = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("items".equals(field) && value == JsonToken.START_ARRAY) {
                    readItems(parser, sink, delivered);
                } else if ("continuationToken".equals(field)) {
                    continuation = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                } else {
                    parser.skipChildren();
                }
            }
            return new Page(delivered[0], continuation == null || continuation.isEmpty() ? null : continuation);
        } catch (JsonParseException malformed) {
            if (isTruncation(malformed)) {
                throw brokeOff(malformed, delivered[0]);
            }
            throw new MapiqResponseException("Mapiq API " + call + " answered malformed JSON after " + delivered[0]
                                             + " records: " + malformed.getOriginalMessage(), malformed);
        } catch (MapiqResponseException e) {
            throw e;
        } catch (IOException connectionLost) {
            throw brokeOff(connectionLost, delivered[0]);
        }
    }

    private void readItems(JsonParser parser, RecordSink sink, long[] delivered) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw new MapiqResponseException("Mapiq API " + call + " answered a list whose item "
                                                 + (delivered[0] + 1) + " is " + token.asString()
                                                 + " instead of a JSON object", null);
            }
            ObjectNode record = mapper.readTree(parser);
            try {
                sink.accept(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new SinkFailure(e);
            }
            delivered[0]++;
        }
    }

    /**
     * Whether the parser ran out of input (the answer was cut off) rather than met bad JSON. Jackson reports some of
     * these as plain {@link JsonParseException}s, hence the message check.
     */
    static boolean isTruncation(JsonParseException e) {
        return e instanceof JsonEOFException
               || e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
    }

    private IOException brokeOff(IOException cause, long delivered) {
        if (delivered == 0) {
            return cause;
        }
        return new MapiqResponseException("Mapiq API " + call + " answer broke off after " + delivered
                                          + " records of the page had been delivered; not retried, as that would "
                                          + "deliver them twice: " + cause, cause);
    }
}
