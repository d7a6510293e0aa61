package io.github.camelmapiq.mapiq.client.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Reads a record's key fields (its id, its date) from the record's bytes right after the record was bound, so that
 * binding runs on the page's own parser, with Jackson's fast paths, rather than through a parser that watches every
 * token. The record's JSON was just read whole by the tokenizer, so a scan of its top-level fields, which stops once
 * every key field has been seen, is enough; a field name holding a JSON escape or any byte beyond ASCII, or a key's
 * value holding an escape or bytes that are no UTF-8, is left to the tokenizer (Jackson decodes some such bytes, an
 * overlong {@code C1 A9} as {@code i}, where Java's decoder gives U+FFFD). For each key field the first non-null value
 * counts, as when the page is framed with {@link #frame(JsonParser, KeyFields, String[])}.
 */
final class KeyReader {

    private final JsonFactory factory;
    private final KeyFields fields;
    private final byte[][] names;

    KeyReader(JsonFactory factory, KeyFields fields) {
        this.factory = factory;
        this.fields = fields;
        this.names = new byte[fields.size()][];
        for (int i = 0; i < names.length; i++) {
            names[i] = fields.name(i).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The text of each key field of the record in {@code json[offset, offset + length)}. */
    String[] read(byte[] json, int offset, int length) {
        String[] keys = new String[names.length];
        if (scan(json, offset, offset + length, keys)) {
            return keys;
        }
        Arrays.fill(keys, null);
        try (JsonParser parser = factory.createParser(json, offset, length)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                frame(parser, fields, keys);
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("A record read before could not be read again", e);
        }
    }

    /** Moves {@code parser} over one record (from its {@code START_OBJECT}), picking up its key fields. */
    static void frame(JsonParser parser, KeyFields fields, String[] keys) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            int key = fields.indexOf(parser.currentName());
            JsonToken value = parser.nextToken();
            if (value.isScalarValue()) {
                if (key >= 0 && value != JsonToken.VALUE_NULL && keys[key] == null) {
                    keys[key] = parser.getText();
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    /** Reads the keys by scanning the bytes; false when something needs the tokenizer. */
    private boolean scan(byte[] b, int from, int end, String[] keys) {
        int missing = names.length;
        int i = space(b, from, end);
        if (i >= end || b[i] != '{') {
            return false;
        }
        i = space(b, i + 1, end);
        if (i < end && b[i] == '}') {
            return true;
        }
        while (missing > 0) {
            if (i >= end || b[i] != '"') {
                return false;
            }
            int nameEnd = asciiNameEnd(b, i + 1, end);
            if (nameEnd < 0) {
                return false;
            }
            int key = keyOf(b, i + 1, nameEnd);
            i = space(b, nameEnd + 1, end);
            if (i >= end || b[i] != ':') {
                return false;
            }
            i = space(b, i + 1, end);
            if (i >= end) {
                return false;
            }
            boolean wanted = key >= 0 && keys[key] == null;
            int valueEnd;
            if (wanted && b[i] == '"') {
                int quote = plainStringEnd(b, i + 1, end);
                if (quote < 0) {
                    return false; // escapes: decoded by the tokenizer
                }
                String text = new String(b, i + 1, quote - i - 1, StandardCharsets.UTF_8);
                if (text.indexOf('\uFFFD') >= 0) {
                    return false; // bytes that are no UTF-8 (or a U+FFFD): decoded as Jackson decodes them
                }
                keys[key] = text;
                missing--;
                valueEnd = quote + 1;
            } else {
                valueEnd = valueEnd(b, i, end);
                if (valueEnd < 0) {
                    return false;
                }
                if (wanted && b[i] != '{' && b[i] != '[' && !isNull(b, i, valueEnd)) {
                    keys[key] = new String(b, i, valueEnd - i, StandardCharsets.ISO_8859_1);
                    missing--;
                }
            }
            i = space(b, valueEnd, end);
            if (i < end && b[i] == '}') {
                return true;
            }
            if (i >= end || b[i] != ',') {
                return false;
            }
            i = space(b, i + 1, end);
        }
        return true;
    }

    private int keyOf(byte[] b, int from, int to) {
        for (int k = 0; k < names.length; k++) {
            byte[] name = names[k];
            if (name.length == to - from && Arrays.equals(name, 0, name.length, b, from, to)) {
                return k;
            }
        }
        return -1;
    }

    /** The index of the closing quote of a field name of ASCII without escapes starting at {@code from}, or -1. */
    private static int asciiNameEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i;
            }
            if (c == '\\' || c < 0) {
                return -1;
            }
        }
        return -1;
    }

    /** The index of the closing quote of a string without escapes starting at {@code from}, or -1. */
    private static int plainStringEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '"') {
                return i;
            }
            if (b[i] == '\\') {
                return -1;
            }
        }
        return -1;
    }

    /** Where the value starting at {@code i} ends (exclusive), or -1. */
    private static int valueEnd(byte[] b, int i, int end) {
        byte first = b[i];
        if (first == '"') {
            int at = stringEnd(b, i + 1, end);
            return at < 0 ? -1 : at + 1;
        }
        if (first == '{' || first == '[') {
            int depth = 0;
            for (int at = i; at < end; at++) {
                byte c = b[at];
                if (c == '"') {
                    at = stringEnd(b, at + 1, end);
                    if (at < 0) {
                        return -1;
                    }
                } else if (c == '{' || c == '[') {
                    depth++;
                } else if ((c == '}' || c == ']') && --depth == 0) {
                    return at + 1;
                }
            }
            return -1;
        }
        int at = i;
        while (at < end && b[at] != ',' && b[at] != '}' && !isSpace(b[at])) {
            at++;
        }
        return at;
    }

    /** The index of the closing quote of a string starting at {@code from}, escapes skipped, or -1. */
    private static int stringEnd(byte[] b, int from, int end) {
        for (int i = from; i < end; i++) {
            if (b[i] == '\\') {
                i++;
            } else if (b[i] == '"') {
                return i;
            }
        }
        return -1;
    }

    private static boolean isNull(byte[] b, int from, int to) {
        return to - from == 4 && b[from] == 'n' && b[from + 1] == 'u' && b[from + 2] == 'l' && b[from + 3] == 'l';
    }

    private static int space(byte[] b, int i, int end) {
        while (i < end && isSpace(b[i])) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
