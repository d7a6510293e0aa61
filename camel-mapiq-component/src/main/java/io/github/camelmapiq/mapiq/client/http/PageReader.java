package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.ObjectReader;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;

/**
 * Reads one page of a list answer, {@code {"items": [...], "continuationToken": ...}} (fields in any order) or a bare
 * array: the body into memory in chunks ({@link PageBody}, at most {@code maxResponseSize} bytes), then one pass of the
 * tokenizer that frames each record as a slice of those bytes ({@link ListedRecord}) and picks up the requested
 * top-level fields. That pass runs after the call when the body ends with the next page's token ({@link FetchedPage}),
 * else within it. Given a binder, the same pass binds each record into its output form (a model type, a Map), with
 * Jackson's fast paths, and a record's key fields are then read from its bytes ({@link KeyReader}); otherwise whoever
 * takes the records binds each from its bytes, or takes its text.
 * <p>
 * Anything but an array of objects under {@code items} (or a bare array of objects), a record over
 * {@code maxRecordSize}, nesting over {@code maxNestingDepth} or a body over {@code maxResponseSize} is a
 * {@link MapiqResponseException}: a bad answer, not retried. A body that breaks off (connection reset, truncated JSON)
 * is a plain {@link IOException}, so the page is asked again: no record of it was handed on yet.
 */
final class PageReader {

    /** A page: its records and the token of the next page ({@code null} on the last page). */
    record Page(List<ListedRecord> records, String continuationToken) {
        static final Page EMPTY = new Page(List.of(), null);
    }

    private final JsonFactory factory;
    private final ReadLimits limits;
    private final String call;
    private final KeyFields keyFields;
    private final KeyReader keyReader;
    private final ObjectReader binder;

    /**
     * @param call      "GET /v2/users", for error messages
     * @param keyFields top-level fields whose text each {@link ListedRecord} carries
     * @param binder    binds each record into its output form in the same pass ({@link ListedRecord#read}); or
     *                  {@code null} to frame the records only
     */
    PageReader(JsonFactory factory, ReadLimits limits, String call, String[] keyFields, ObjectReader binder) {
        this.factory = factory;
        this.limits = limits;
        this.call = call;
        this.keyFields = new KeyFields(keyFields);
        this.keyReader = this.keyFields.size() == 0 ? null : new KeyReader(factory, this.keyFields);
        this.binder = binder;
    }

    /**
     * Reads the body off the wire and finds the next page's token, within the call: from the body's end when the
     * page ends with it, otherwise by reading the whole page (then a body that broke off is an {@link IOException},
     * asked again).
     */
    FetchedPage fetch(InputStream in) throws IOException, MapiqResponseException {
        PageBody body = PageBody.read(in, limits.maxResponseSize());
        if (body == null) {
            throw bad("more than maxResponseSize (" + limits.maxResponseSize()
                      + " bytes); raise maxResponseSize or lower pageSize", null);
        }
        TailToken tail = TailToken.of(body);
        if (tail != null) {
            String token = tail.token();
            return new FetchedPage(this, body, token == null || token.isEmpty() ? null : token, null);
        }
        return FetchedPage.of(read(body, true));
    }

    /**
     * Reads a whole page from its body.
     *
     * @param brokenOffIsRetried whether JSON that breaks off is an {@link IOException} (the call is asked again) rather
     *                           than a bad answer
     */
    Page read(PageBody body, boolean brokenOffIsRetried) throws IOException, MapiqResponseException {
        List<ListedRecord> records = new ArrayList<>();
        try (JsonParser parser = factory.createParser(body.stream())) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readItems(parser, body, records);
                return new Page(records, null);
            }
            if (first != JsonToken.START_OBJECT) {
                throw bad((first == null ? "an empty body" : first.asString())
                          + " where a list (an object with an items array, or an array) was expected", null);
            }
            String continuation = null;
            boolean items = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("items".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw bad("\"items\" as " + describe(value) + " where an array of records was expected", null);
                    }
                    readItems(parser, body, records);
                    items = true;
                } else if ("continuationToken".equals(field)) {
                    if (value != JsonToken.VALUE_NULL && value != JsonToken.VALUE_STRING) {
                        throw bad("\"continuationToken\" as " + describe(value) + " where a string was expected",
                                null);
                    }
                    continuation = value == JsonToken.VALUE_NULL ? null : parser.getText();
                } else {
                    parser.skipChildren();
                }
            }
            if (!items) {
                throw bad("an object without \"items\" where a list was expected", null);
            }
            return new Page(records, continuation == null || continuation.isEmpty() ? null : continuation);
        } catch (StreamConstraintsException tooBig) {
            throw bad("beyond the configured limits (maxNestingDepth " + limits.maxNestingDepth() + ", maxRecordSize "
                      + limits.maxRecordSize() + ", maxResponseSize " + limits.maxResponseSize() + "): "
                      + tooBig.getOriginalMessage(), tooBig);
        } catch (JsonParseException malformed) {
            if (brokenOffIsRetried && isTruncation(malformed)) {
                throw new IOException("Mapiq API " + call + " answer broke off: " + malformed.getOriginalMessage(),
                        malformed);
            }
            throw bad("malformed JSON after " + records.size() + " records: " + malformed.getOriginalMessage(),
                    malformed);
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_NULL -> "null";
            default -> token.asString();
        };
    }

    private void readItems(JsonParser parser, PageBody body, List<ListedRecord> records)
            throws IOException, MapiqResponseException {
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw bad("a list whose item " + (records.size() + 1) + " is " + describe(token)
                          + " instead of a JSON object", null);
            }
            int start = (int) parser.currentTokenLocation().getByteOffset();
            String[] keys = null;
            Object bound = null;
            if (binder != null) {
                bound = bind(parser);
                keys = keyReader == null ? new String[0] : null; // null: read from the record's bytes
            } else {
                keys = new String[keyFields.size()];
                KeyReader.frame(parser, keyFields, keys);
            }
            int end = (int) parser.currentLocation().getByteOffset();
            if (end - start > limits.maxRecordSize()) {
                throw bad("a record of " + (end - start) + " bytes (item " + (records.size() + 1)
                          + "), more than maxRecordSize (" + limits.maxRecordSize() + " bytes)", null);
            }
            records.add(body.record(start, end - start, keys, keyReader, binder, bound));
        }
    }

    /**
     * Binds one record with {@link #binder}. A record whose JSON is fine but does not fit the output form (a date that
     * is no date) is skipped to its end, found by its parsing context, and carries the failure, which fails only its
     * own exchange; broken JSON and exceeded limits fail the page.
     */
    private Object bind(JsonParser parser) throws IOException {
        JsonStreamContext items = parser.getParsingContext().getParent();
        try {
            return binder.readValue(parser);
        } catch (JsonParseException | StreamConstraintsException broken) {
            throw broken;
        } catch (JsonProcessingException | RuntimeException unfit) {
            while (parser.getParsingContext() != items && parser.nextToken() != null) {
                // out of the record, whatever depth binding stopped at
            }
            return new ListedRecord.BindingFailure(unfit);
        }
    }

    MapiqResponseException bad(String what, Throwable cause) {
        return new MapiqResponseException("Mapiq API " + call + " answered " + what, cause);
    }

    /**
     * Whether the parser ran out of input (the answer was cut off) rather than met bad JSON. Jackson reports some of
     * these as plain {@link JsonParseException}s, hence the message check.
     */
    static boolean isTruncation(JsonParseException e) {
        return e instanceof JsonEOFException
               || e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Unexpected end-of-input");
    }
}
