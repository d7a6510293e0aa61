package io.github.camelmapiq.mapiq.client.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Random JSON text for the tests of the hand-written scanners ({@link KeyReader}, {@link TailToken}), drawn from one
 * seeded {@link Random} so that a failing case repeats from its seed. Strings hold every JSON escape ({@code \" \\ \/
 * \b \f \n \r \t}, {@code \}{@code uXXXX} in either case, surrogate pairs) and raw one- to four-byte UTF-8; white space
 * follows one layout per case (none, spaces, any JSON white space, pretty-printed); numbers are ints, negative, zero,
 * floats, exponents and numbers of forty digits; values nest objects and arrays (arrays of objects) whose field names
 * come from a pool that holds the names a scanner looks for, so that those also stand inside nested values.
 */
final class RandomJson {

    enum Layout { NONE, SPACES, ANY_WHITE_SPACE, PRETTY }

    /** Text that needs no escape: ASCII, JSON's structural characters, 2-, 3- and 4-byte UTF-8 (U+2028, U+FFFF too). */
    private static final String[] PLAIN = {
        "a", "b", "z", "A", "Z", "0", "7", "9", " ", "-", "_", ".", ":", ",", "{", "}", "[", "]", "/", "'", "u", "e",
        "null", "true", "id", "é", "ß", "Ω", "ж", "\u07ff", "€", "中", "\u2028", "\uffff", "\ud83d\ude00",
        "\ud834\udd1e", "\udbff\udfff", "\u007f" };

    /** Text that a JSON string can hold only escaped. */
    private static final String[] ESCAPED_ONLY = { "\"", "\\", "\b", "\f", "\n", "\r", "\t", "\u0000", "\u0001",
        "\u001f" };

    /**
     * Bytes that are no UTF-8 but that Jackson decodes all the same (Java's decoder makes each a U+FFFD): overlong
     * forms of {@code i} and of U+0000, an encoded surrogate, a code point beyond U+10FFFF.
     */
    static final byte[][] MALFORMED_UTF8 = { { (byte) 0xc1, (byte) 0xa9 }, { (byte) 0xc0, (byte) 0x80 },
        { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, { (byte) 0xe0, (byte) 0x81, (byte) 0xa9 },
        { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };

    private static final String WHITE_SPACE = " \t\n\r";

    final Random random;
    final Layout layout;
    private final String[] names;

    /** @param names the field names of every object, the top level's and nested ones */
    RandomJson(long seed, String... names) {
        this.random = new Random(seed);
        this.layout = Layout.values()[random.nextInt(Layout.values().length)];
        this.names = names;
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    <T> T pick(T[] from) {
        return from[random.nextInt(from.length)];
    }

    /** White space where a pretty printer breaks the line, before a field or element at {@code depth}. */
    String lineBreak(int depth) {
        return layout == Layout.PRETTY ? "\n" + "  ".repeat(depth) : gap();
    }

    /** White space around a colon or comma. */
    String gap() {
        return switch (layout) {
            case NONE -> "";
            case SPACES, PRETTY -> chance(50) ? " " : "";
            case ANY_WHITE_SPACE -> {
                StringBuilder gap = new StringBuilder();
                for (int n = random.nextInt(4); n > 0; n--) {
                    gap.append(WHITE_SPACE.charAt(random.nextInt(4)));
                }
                yield gap.toString();
            }
        };
    }

    /** Text of up to {@code max} pieces; {@code plain} leaves out what only an escape can write. */
    String text(int max, boolean plain, String... words) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(max + 1); n > 0; n--) {
            int kind = random.nextInt(10);
            text.append(kind == 0 && words.length > 0 ? pick(words)
                    : kind == 1 && !plain ? pick(ESCAPED_ONLY) : pick(PLAIN));
        }
        return text.toString();
    }

    /** {@code value} as a JSON string; {@code escapes} also escapes, now and then, a character that needs no escape. */
    String literal(String value, boolean escapes) {
        StringBuilder json = new StringBuilder("\"");
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            String shortForm = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\f' -> "\\f";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                case '/' -> escapes && chance(50) ? "\\/" : "/";
                default -> null;
            };
            boolean mustEscape = c < 0x20 || c == '"' || c == '\\';
            if ((mustEscape || escapes && chance(25)) && (shortForm == null || chance(30))) {
                for (char unit : Character.toChars(c)) { // a surrogate pair as two escapes
                    String hex = Integer.toHexString(0x10000 | unit).substring(1);
                    json.append("\\u").append(chance(50) ? hex : hex.toUpperCase(Locale.ROOT));
                }
            } else if (shortForm != null) {
                json.append(shortForm);
            } else {
                json.appendCodePoint(c);
            }
        }
        return json.append('"').toString();
    }

    /** A JSON number: int, negative, zero, float, exponent or forty digits. */
    String number() {
        String sign = chance(30) ? "-" : "";
        return switch (random.nextInt(8)) {
            case 0 -> sign + "0";
            case 1 -> String.valueOf(random.nextInt());
            case 2 -> String.valueOf(random.nextLong());
            case 3 -> sign + (1 + random.nextInt(9)) + digits(10 + random.nextInt(30));
            case 4 -> sign + random.nextInt(1000) + "." + digits(1 + random.nextInt(12));
            case 5 -> sign + random.nextInt(100) + (chance(50) ? "." + digits(2) : "") + pick(new String[] { "e", "E" })
                      + pick(new String[] { "", "+", "-" }) + random.nextInt(400);
            case 6 -> String.valueOf(random.nextDouble() * 1e6);
            default -> String.valueOf(1 + random.nextInt(99));
        };
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    /** A string (plain or with escapes), number, boolean or null. */
    String scalar() {
        return switch (random.nextInt(7)) {
            case 0, 1 -> literal(text(8, true), false);
            case 2 -> literal(text(8, false), true);
            case 3, 4 -> number();
            case 5 -> chance(50) ? "true" : "false";
            default -> "null";
        };
    }

    /** Any value, objects and arrays nested to at most {@code depth} more levels, written at {@code at}. */
    String value(int depth, int at) {
        int kind = depth <= 0 ? 0 : random.nextInt(6);
        if (kind == 4) {
            List<String[]> fields = new ArrayList<>();
            for (int n = random.nextInt(4); n > 0; n--) {
                fields.add(new String[] { name(pick(names)), value(depth - 1, at + 1) });
            }
            return object(fields, at);
        }
        if (kind == 5) {
            List<String> elements = new ArrayList<>();
            boolean objects = chance(50); // an array of objects
            for (int n = random.nextInt(4); n > 0; n--) {
                elements.add(objects ? object(List.<String[]>of(new String[] { name(pick(names)),
                        value(depth - 1, at + 2) }), at + 1) : value(depth - 1, at + 1));
            }
            return array(elements, at);
        }
        return scalar();
    }

    /** A field name: mostly as is, now and then written with escapes. */
    String name(String name) {
        return literal(name, chance(4));
    }

    /** An object of {@code fields} (name literal, value) written at nesting depth {@code at}. */
    String object(List<String[]> fields, int at) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < fields.size(); i++) {
            json.append(i == 0 ? "" : gap() + ",").append(lineBreak(at + 1)).append(fields.get(i)[0]).append(gap())
                    .append(':').append(gap()).append(fields.get(i)[1]);
        }
        return json.append(fields.isEmpty() ? gap() : lineBreak(at)).append('}').toString();
    }

    String array(List<String> elements, int at) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            json.append(i == 0 ? "" : gap() + ",").append(lineBreak(at + 1)).append(elements.get(i));
        }
        return json.append(elements.isEmpty() ? gap() : lineBreak(at)).append(']').toString();
    }

    /**
     * {@code json} broken at random: cut short, cut at its start, a byte changed, dropped or added, bytes that are no
     * UTF-8 added, or text appended.
     */
    byte[] broken(byte[] json) {
        byte[] noise = "{}[]\":,\\ \nnul0-e".getBytes(StandardCharsets.US_ASCII);
        int at = json.length == 0 ? 0 : random.nextInt(json.length);
        byte any = chance(50) ? noise[random.nextInt(noise.length)] : (byte) random.nextInt(256);
        return switch (random.nextInt(7)) {
            case 0 -> Arrays.copyOf(json, at);
            case 1 -> Arrays.copyOfRange(json, at, json.length);
            case 2 -> {
                byte[] changed = json.clone();
                if (changed.length > 0) {
                    changed[at] = any;
                }
                yield changed;
            }
            case 3 -> json.length == 0 ? json : concat(Arrays.copyOf(json, at),
                    Arrays.copyOfRange(json, at + 1, json.length));
            case 4 -> concat(Arrays.copyOf(json, at), new byte[] { any },
                    Arrays.copyOfRange(json, at, json.length));
            case 5 -> concat(Arrays.copyOf(json, at), pick(MALFORMED_UTF8), Arrays.copyOfRange(json, at, json.length));
            default -> concat(json, text(3, false, ",\"continuationToken\":\"z\"}", "}", "\"id\":1}")
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
