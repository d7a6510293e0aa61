package io.github.camelmapiq.mapiq.client.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TailToken} reads a page's {@code continuationToken} from the end of its body, before anything reads the page.
 * It may decline (the page is then read whole within the call), but what it reads is what Jackson reads from the same
 * body: thousands of generated pages (seeded, {@link RandomJson}) with the token last, first or among other fields,
 * twice, missing, null, empty, of another type, written with escapes or in 2- to 4-byte UTF-8, with strings and nested
 * objects that hold {@code "continuationToken":"..."} themselves, in every white-space layout, and bare arrays. A page
 * whose last field is the token, written without escapes, is always read from its end. Broken bodies never make it
 * throw, and a broken body's token is either the one reading the page gives or the page fails as a bad answer.
 * <p>
 * Jackson's tree keeps the last of two fields of one name, as {@link PageReader} does, and so does the end of a page.
 */
class TailTokenAgreesWithJacksonTest {

    private static final long SEED = 0x27_7A11L;
    private static final int CASES = 10_000;
    private static final String TOKEN = "continuationToken";

    /** Names of the fields of records and nested objects, the token's among them. */
    private static final String[] NAMES = { TOKEN, "id", "items", "continuationTokens", "ContinuationToken" };
    /** Names of a page's other fields: ones the token's name is part of, and more. */
    private static final String[] PAGE_NAMES = { "total", "next", "continuationTokens", "xcontinuationToken",
        "ContinuationToken", "continuation", "Token", TOKEN + " " };
    /** Text that looks like the end of a page, in strings. */
    private static final String[] TRAPS = { "\"continuationToken\":\"evil\"}", "\",\"continuationToken\":\"", ":",
        TOKEN, "null}", "{" };

    private static final ObjectMapper ONE_VALUE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final ReadLimits LIMITS = new ReadLimits(1 << 24, 1 << 24, 64, 1000, Duration.ZERO);
    private static final JsonFactory FACTORY = LIMITS.jsonFactory();

    /** A generated body, and whether its last field is the token written without escapes. */
    private record Page(byte[] body, boolean endsWithPlainToken) {
    }

    @Test
    void everyGeneratedPageGivesJacksonsTokenOrIsReadWhole() throws IOException {
        ScanFailures failures = new ScanFailures(SEED);
        int readFromTheEnd = 0;
        for (int n = 0; n < CASES; n++) {
            long seed = SEED + n;
            Page page = page(new RandomJson(seed, NAMES));
            TailToken tail = TailToken.of(PageBody.of(page.body()));
            JsonNode tree = ONE_VALUE.readTree(page.body());
            String wrong = tail == null && page.endsWithPlainToken() ? "declined the token at the end of the page"
                    : wrongToken(tail, tree);
            wrong = wrong != null ? wrong : wrongPage(page.body(), tree);
            if (wrong != null) {
                failures.add(seed, page.body(), wrong);
            }
            readFromTheEnd += tail == null ? 0 : 1;
        }
        failures.assertNone(CASES);
        assertThat(readFromTheEnd).as("pages whose token is read from their end")
                .isBetween(CASES / 3, CASES - CASES / 10);
    }

    @Test
    void brokenPagesNeverMakeItThrowNorGiveAWrongToken() {
        ScanFailures failures = new ScanFailures(SEED);
        for (int n = 0; n < CASES; n++) {
            long seed = SEED - n;
            RandomJson json = new RandomJson(seed, NAMES);
            byte[] broken = json.broken(page(json).body());
            String wrong;
            try {
                TailToken tail = TailToken.of(PageBody.of(broken));
                JsonNode tree = oneValue(broken);
                wrong = tree == null ? tokenOrBadAnswer(broken) : wrongToken(tail, tree);
                wrong = wrong != null || tree == null ? wrong : wrongPage(broken, tree);
            } catch (RuntimeException unexpected) {
                wrong = "threw " + unexpected;
            }
            if (wrong != null) {
                failures.add(seed, broken, wrong);
            }
        }
        failures.assertNone(CASES);
    }

    @Test
    void aTokenStraddlingTwoChunksOfItsPageIsReadWhole() throws Exception {
        String token = "tok-é中\ud83d\ude00-\ud834\udd1e-end";
        String head = "{\"items\":[{\"id\":\"u-1\",\"pad\":\"";
        String beforeToken = "\"}],\"continuationToken\":\"";
        int tokenBytes = token.getBytes(StandardCharsets.UTF_8).length;
        for (int boundary : new int[] { PageBody.CHUNK, 3 * PageBody.CHUNK }) {
            for (int r = 0; r <= tokenBytes + 1; r++) {
                String pad = "x".repeat(boundary - r - head.length() - beforeToken.length());
                byte[] body = (head + pad + beforeToken + token + "\"}").getBytes(StandardCharsets.UTF_8);

                assertThat(TailToken.of(PageBody.of(body))).as("token from byte %d", boundary - r)
                        .isEqualTo(new TailToken(token));
                FetchedPage fetched = new PageReader(FACTORY, LIMITS, "GET /v2/test", new String[0], null)
                        .fetch(new ByteArrayInputStream(body));
                assertThat(fetched.continuationToken()).isEqualTo(token);
                List<ListedRecord> records = fetched.page().records();
                assertThat(records).hasSize(1);
                assertThat(records.get(0).text()).isEqualTo("{\"id\":\"u-1\",\"pad\":\"" + pad + "\"}");
            }
        }
    }

    @Test
    void aTokenInBytesThatAreNoUtf8IsLeftToJackson() throws Exception {
        // found by brokenPages...: Jackson reads an overlong C1 A9 as "i", Java's decoder as U+FFFD; the page then
        // failed as naming two tokens, and the next page had been asked for with the wrong one
        byte[] body = RandomJson.concat(bytes("{\"items\":[],\"continuationToken\":\"p"), new byte[] { (byte) 0xc1,
            (byte) 0xa9 }, bytes("\"}"));

        assertThat(TailToken.of(PageBody.of(body))).isNull();
        FetchedPage fetched = new PageReader(FACTORY, LIMITS, "GET /v2/test", new String[0], null)
                .fetch(new ByteArrayInputStream(body));
        assertThat(fetched.continuationToken()).isEqualTo("pi")
                .isEqualTo(ONE_VALUE.readTree(body).get(TOKEN).textValue());
        assertThat(fetched.page().continuationToken()).isEqualTo("pi");
    }

    /** Mostly an object with items, other fields and the token, in any order but often last; now and then an array. */
    private static Page page(RandomJson json) {
        if (json.chance(4)) {
            return new Page(bytes(records(json, 0) + json.lineBreak(0)), false);
        }
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] { json.name("items"), json.chance(95) ? records(json, 1) : json.value(2, 1) });
        for (int n = json.random.nextInt(3); n > 0; n--) {
            fields.add(new String[] { json.name(json.pick(PAGE_NAMES)), json.value(2, 1) });
        }
        Collections.shuffle(fields, json.random);
        String[] last = null;
        for (int n = json.chance(5) ? 0 : json.chance(90) ? 1 : 2; n > 0; n--) {
            String[] token = { json.chance(90) ? "\"" + TOKEN + "\"" : json.literal(TOKEN, true), tokenValue(json) };
            if (last == null && json.chance(60)) {
                last = token;
            } else {
                fields.add(json.random.nextInt(fields.size() + 1), token);
            }
        }
        if (last != null) {
            fields.add(last);
        }
        String[] end = fields.get(fields.size() - 1);
        boolean plain = end[0].equals("\"" + TOKEN + "\"")
                        && (end[1].equals("null") || end[1].startsWith("\"") && !end[1].contains("\\"));
        return new Page(bytes(json.object(fields, 0) + json.lineBreak(0) + json.gap()), plain);
    }

    /** An array of records written at nesting depth {@code at}. */
    private static String records(RandomJson json, int at) {
        List<String> records = new ArrayList<>();
        for (int r = json.random.nextInt(4); r > 0; r--) {
            List<String[]> fields = new ArrayList<>();
            for (int n = json.random.nextInt(4); n > 0; n--) {
                fields.add(new String[] { json.name(json.pick(NAMES)), json.value(2, at + 2) });
            }
            records.add(json.object(fields, at + 1));
        }
        return json.array(records, at);
    }

    private static String tokenValue(RandomJson json) {
        return switch (json.random.nextInt(12)) {
            case 0, 1, 2, 3, 4, 5 -> json.literal(json.text(16, true, TRAPS), false);
            case 6 -> json.literal(json.text(16, false, TRAPS), true);
            case 7 -> "\"\"";
            case 8, 9 -> "null";
            case 10 -> json.scalar();
            default -> json.value(2, 1);
        };
    }

    /** What is wrong with the token read from the end of a body Jackson reads as {@code tree}; null if nothing. */
    private static String wrongToken(TailToken tail, JsonNode tree) {
        JsonNode token = tree.isObject() ? tree.get(TOKEN) : null;
        if (tail == null || token != null && (token.isNull() && tail.token() == null
                                              || token.isTextual() && token.textValue().equals(tail.token()))) {
            return null;
        }
        return "read " + tail.token() + " from the end where Jackson reads " + token;
    }

    /** What is wrong with the page read from a body Jackson reads as {@code tree}; null if nothing. */
    private static String wrongPage(byte[] body, JsonNode tree) {
        JsonNode token = tree.isObject() ? tree.get(TOKEN) : null;
        String expected = token != null && token.isTextual() && !token.textValue().isEmpty() ? token.textValue() : null;
        try {
            FetchedPage fetched = new PageReader(FACTORY, LIMITS, "GET /v2/test", new String[0], null)
                    .fetch(new ByteArrayInputStream(body));
            PageReader.Page page = fetched.page();
            if (!isPage(body)) {
                return "not a page, read as one";
            }
            JsonNode items = tree.isArray() ? tree : tree.get("items");
            return Objects.equals(fetched.continuationToken(), expected)
                   && Objects.equals(page.continuationToken(), expected) && page.records().size() == items.size()
                    ? null : "the page reads token " + fetched.continuationToken() + " then " + page.continuationToken()
                             + " and " + page.records().size() + " records, Jackson " + expected + " and "
                             + items.size();
        } catch (MapiqResponseException | IOException bad) {
            return isPage(body) ? "a page read as a bad answer: " + bad.getMessage() : null;
        }
    }

    /** For a body Jackson does not read: the page fails, or reading it gives the token read from its end. */
    private static String tokenOrBadAnswer(byte[] body) {
        try {
            FetchedPage fetched = new PageReader(FACTORY, LIMITS, "GET /v2/test", new String[0], null)
                    .fetch(new ByteArrayInputStream(body));
            String read = fetched.page().continuationToken();
            return Objects.equals(read, fetched.continuationToken()) ? null
                    : "token " + fetched.continuationToken() + " at the end, " + read + " by reading the page";
        } catch (MapiqResponseException | IOException bad) {
            return null;
        }
    }

    /** Whether Jackson reads {@code body} as a page: an array of objects, or an object of such items (string token). */
    private static boolean isPage(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                return objects(parser);
            }
            boolean items = false;
            while (first == JsonToken.START_OBJECT && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("items") && (value != JsonToken.START_ARRAY || !objects(parser))
                    || name.equals(TOKEN) && value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
                    return false;
                }
                items |= name.equals("items");
                parser.skipChildren();
            }
            return items;
        } catch (IOException notJson) {
            return false;
        }
    }

    private static boolean objects(JsonParser parser) throws IOException {
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element != JsonToken.START_OBJECT) {
                return false;
            }
            parser.skipChildren();
        }
        return true;
    }

    private static JsonNode oneValue(byte[] body) {
        try {
            return ONE_VALUE.readTree(body);
        } catch (IOException | RuntimeException notOne) {
            return null;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
