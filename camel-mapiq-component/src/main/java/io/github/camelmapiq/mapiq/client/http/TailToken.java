package io.github.camelmapiq.mapiq.client.http;

import java.nio.charset.StandardCharsets;

/**
 * The {@code continuationToken} of a page read from the end of its body, without reading its records: Mapiq ends a page
 * with it, {@code {"items": [...], "continuationToken": "..." | null}}. A JSON document that ends with
 * {@code "continuationToken": <value>}} followed by its last closing brace has that pair as the last field of its top
 * object, whatever comes before it. A token with escapes or with bytes that are no UTF-8 (which Jackson may decode
 * otherwise than Java's decoder, an overlong {@code C1 A9} as {@code i}), or a body that ends otherwise, is left to the
 * reading of the whole page; so is every check of the page itself, which that reading still makes.
 */
record TailToken(String token) {

    private static final byte[] FIELD = "\"continuationToken\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /** The token at the end of {@code body} ({@code token()} null for {@code null}), or {@code null} if none is there. */
    static TailToken of(PageBody body) {
        int i = skipSpace(body, body.length() - 1);
        if (i < 0 || body.byteAt(i) != '}') {
            return null;
        }
        i = skipSpace(body, i - 1);
        String token;
        if (i >= 0 && body.byteAt(i) == '"') {
            int end = i;
            int start = end - 1;
            while (start >= 0 && body.byteAt(start) != '"') {
                if (body.byteAt(start) == '\\') {
                    return null;
                }
                start--;
            }
            if (start < 0) {
                return null;
            }
            token = body.text(start + 1, end - start - 1);
            if (token.indexOf('\uFFFD') >= 0) {
                return null; // bytes that are no UTF-8 (or a U+FFFD): read as Jackson reads them
            }
            i = start - 1;
        } else if (endsWith(body, i, NULL)) {
            token = null;
            i -= NULL.length;
        } else {
            return null;
        }
        i = skipSpace(body, i);
        if (i < 0 || body.byteAt(i) != ':') {
            return null;
        }
        i = skipSpace(body, i - 1);
        if (!endsWith(body, i, FIELD)) {
            return null;
        }
        i = skipSpace(body, i - FIELD.length);
        return i >= 0 && (body.byteAt(i) == ',' || body.byteAt(i) == '{') ? new TailToken(token) : null;
    }

    /** Whether {@code body} holds {@code text} ending at index {@code last}. */
    private static boolean endsWith(PageBody body, int last, byte[] text) {
        int start = last - text.length + 1;
        if (start < 0) {
            return false;
        }
        for (int k = 0; k < text.length; k++) {
            if (body.byteAt(start + k) != text[k]) {
                return false;
            }
        }
        return true;
    }

    /** The index of the last byte at or before {@code i} that is no JSON white space; -1 if none. */
    private static int skipSpace(PageBody body, int i) {
        while (i >= 0 && (body.byteAt(i) == ' ' || body.byteAt(i) == '\n' || body.byteAt(i) == '\r' || body.byteAt(i) == '\t')) {
            i--;
        }
        return i;
    }
}
