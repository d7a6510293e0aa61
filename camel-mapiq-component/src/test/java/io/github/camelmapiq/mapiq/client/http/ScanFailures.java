package io.github.camelmapiq.mapiq.client.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * The generated cases of a scanner's test that failed ({@link RandomJson}): how many, and the shortest, printed with
 * the seed that generates it again and as a Java string literal that a regression test can take as it is.
 */
final class ScanFailures {

    private final long seed;
    private int count;
    private long shortestSeed;
    private String shortest;
    private String why;

    ScanFailures(long seed) {
        this.seed = seed;
    }

    void add(long caseSeed, byte[] json, String why) {
        count++;
        String text = display(json);
        if (shortest == null || text.length() < shortest.length()) {
            shortestSeed = caseSeed;
            shortest = text;
            this.why = why;
        }
    }

    void assertNone(int cases) {
        if (count > 0) {
            throw new AssertionError(count + " of " + cases + " generated cases failed (seed " + seed
                                     + "); the shortest, case seed " + shortestSeed + ": " + javaLiteral(why) + "\n"
                                     + shortest);
        }
    }

    /** UTF-8 as a Java string literal; other bytes with each byte that is not ASCII as {@code \xNN}. */
    static String display(byte[] json) {
        try {
            return javaLiteral(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(json)).toString());
        } catch (CharacterCodingException noUtf8) {
            StringBuilder bytes = new StringBuilder("bytes that are no UTF-8: ");
            for (byte b : json) {
                bytes.append(b >= 0x20 ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
            }
            return bytes.toString();
        }
    }

    static String javaLiteral(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }
}
