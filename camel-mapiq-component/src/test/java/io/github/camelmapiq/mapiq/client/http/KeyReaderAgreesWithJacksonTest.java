package io.github.camelmapiq.mapiq.client.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KeyReader} reads a record's key fields by scanning its bytes, and leaves what it does not read plainly (a
 * name or key value with escapes) to the tokenizer. Whichever way, its answer is Jackson's: thousands of generated
 * records (seeded, {@link RandomJson}: every escape, 2- to 4-byte UTF-8, every white-space layout, the key names also
 * inside nested objects and arrays, names that a key is a prefix of, numbers, booleans, null, objects and arrays as
 * key values), each read at an offset among bytes that are no part of it.
 * <p>
 * The expected keys come from Jackson: for each key field, the text Jackson's parser gives ({@code getText()}: a
 * string decoded, a number or boolean as its JSON text) of the first top-level field of that name whose value is a
 * scalar other than null; objects, arrays and null count as absent. Where a name occurs once, Jackson's tree must
 * agree (a number equal in value). A name given twice: Jackson's tree keeps the last value, while the contract of
 * {@code KeyReader}, which the tokenizer path of a page without binding ({@link KeyReader#frame}) shares, is the first
 * non-null one; both paths of {@link PageReader} are checked to give the same keys.
 * <p>
 * Broken records must make it throw nothing but the {@link UncheckedIOException} of reading a record again; those that
 * are still one JSON object (Jackson decodes even some bytes that are no UTF-8, an overlong {@code C1 A9} as
 * {@code i}) must give Jackson's keys. KeyReader once read such bytes as U+FFFD, in a key's value and in a key's name.
 */
class KeyReaderAgreesWithJacksonTest {

    private static final long SEED = 0x27_5CA1L;
    private static final int CASES = 10_000;
    private static final int PAGES = 200;

    private static final String[][] KEY_SETS = { { "id" }, { "id", "date" }, { "date", "id" }, { "naïve" },
        { "userId", "id", "date" } };
    /** Names of top-level fields: the keys, names a key is a prefix of or that are a prefix of a key, and more. */
    private static final String[] TOP_NAMES = { "id", "date", "userId", "idx", "Id", "ID", "i", "id ", "date2", "dat",
        "items", "" };
    /** Names of the fields of nested objects. */
    private static final String[] NAMES = { "id", "date", "naïve", "userId", "idx", "naïv", "items" };

    private static final JsonFactory JACKSON = new JsonFactory();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS,
                    DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper ONE_VALUE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final ReadLimits LIMITS = new ReadLimits(1 << 24, 1 << 24, 64, 1000, Duration.ZERO);

    /** Counts the records {@link KeyReader} leaves to the tokenizer. */
    private static final class CountingFactory extends JsonFactory {
        int parsers;

        @Override
        public JsonParser createParser(byte[] data, int offset, int length) throws IOException {
            parsers++;
            return super.createParser(data, offset, length);
        }
    }

    @Test
    void everyGeneratedRecordGivesJacksonsKeys() throws IOException {
        CountingFactory factory = new CountingFactory();
        ScanFailures failures = new ScanFailures(SEED);
        for (int n = 0; n < CASES; n++) {
            long seed = SEED + n;
            RandomJson json = new RandomJson(seed, NAMES);
            String[] keys = json.pick(KEY_SETS);
            byte[] record = record(json, keys).getBytes(StandardCharsets.UTF_8);
            byte[] before = json.text(3, false, "}", "\"", "\\").getBytes(StandardCharsets.UTF_8);
            byte[] after = json.text(3, false, "\"", "\\", ",\"id\":\"x\"}").getBytes(StandardCharsets.UTF_8);
            String[] expected = jacksonKeys(record, keys, failures, seed);
            String[] read = new KeyReader(factory, new KeyFields(keys))
                    .read(RandomJson.concat(before, record, after), before.length, record.length);
            if (!Arrays.equals(read, expected)) {
                failures.add(seed, record, Arrays.toString(keys) + ": Jackson reads " + Arrays.toString(expected)
                                           + ", KeyReader " + Arrays.toString(read));
            }
        }
        failures.assertNone(CASES);
        assertThat(factory.parsers).as("records left to the tokenizer: some, but far from all")
                .isBetween(CASES / 20, CASES / 2);
    }

    @Test
    void brokenRecordsThrowOnlyWhatReadingARecordAgainThrowsAndValidOnesGiveJacksonsKeys() throws IOException {
        ScanFailures failures = new ScanFailures(SEED);
        for (int n = 0; n < CASES; n++) {
            long seed = SEED - n;
            RandomJson json = new RandomJson(seed, NAMES);
            String[] keys = json.pick(KEY_SETS);
            byte[] broken = json.broken(record(json, keys).getBytes(StandardCharsets.UTF_8));
            String[] read;
            try {
                read = new KeyReader(JACKSON, new KeyFields(keys)).read(broken, 0, broken.length);
            } catch (UncheckedIOException unreadable) {
                read = null; // what KeyReader throws when the tokenizer cannot read the record
            } catch (RuntimeException unexpected) {
                failures.add(seed, broken, "KeyReader threw " + unexpected);
                continue;
            }
            // PageReader hands KeyReader only records its tokenizer read whole: broken JSON never reaches it
            if (isOneObject(broken)) {
                String[] expected = jacksonKeys(broken, keys, failures, seed);
                if (!Arrays.equals(read, expected)) {
                    failures.add(seed, broken, Arrays.toString(keys) + ": Jackson reads " + Arrays.toString(expected)
                                               + ", KeyReader " + (read == null ? "threw" : Arrays.toString(read)));
                }
            }
        }
        failures.assertNone(CASES);
    }

    @Test
    void pagesReadWithAndWithoutBindingCarryJacksonsKeys() throws Exception {
        ScanFailures failures = new ScanFailures(SEED);
        ObjectReader toMaps = new ObjectMapper().readerFor(Map.class);
        JsonFactory factory = LIMITS.jsonFactory();
        for (int n = 0; n < PAGES; n++) {
            long seed = SEED * 31 + n;
            RandomJson json = new RandomJson(seed, NAMES);
            String[] keys = json.pick(KEY_SETS);
            List<String> records = new ArrayList<>();
            for (int r = json.random.nextInt(6); r > 0; r--) {
                records.add(record(json, keys));
            }
            byte[] page = json.object(List.of(new String[] { "\"items\"", json.array(records, 1) },
                    new String[] { "\"continuationToken\"", "null" }), 0).getBytes(StandardCharsets.UTF_8);
            for (ObjectReader binder : Arrays.asList(toMaps, null)) {
                List<ListedRecord> read = new PageReader(factory, LIMITS, "GET /v2/test", keys, binder)
                        .fetch(new ByteArrayInputStream(page)).page().records();
                for (int r = 0; r < records.size(); r++) {
                    byte[] record = records.get(r).getBytes(StandardCharsets.UTF_8);
                    String[] expected = jacksonKeys(record, keys, failures, seed);
                    String[] carried = new String[keys.length];
                    ListedRecord listed = read.get(r);
                    Arrays.setAll(carried, listed::key);
                    if (!Arrays.equals(carried, expected) || !listed.text().equals(records.get(r))) {
                        failures.add(seed, page, "record " + r + (binder == null ? " framed" : " bound")
                                                 + ": Jackson reads " + Arrays.toString(expected) + ", the page "
                                                 + Arrays.toString(carried));
                    }
                }
            }
        }
        failures.assertNone(PAGES);
    }

    @Test
    void aKeyValueInBytesThatAreNoUtf8IsReadAsJacksonReadsIt() throws IOException {
        // found by brokenRecords...: Jackson decodes overlong forms and encoded surrogates, Java's decoder as U+FFFD
        byte[] overlong = RandomJson.concat(bytes("{\"id\":\""), new byte[] { (byte) 0xc1, (byte) 0xa9 },
                bytes("\"}"));
        byte[] surrogate = RandomJson.concat(bytes("{\"id\":\"a"), new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
                bytes("\"}"));

        assertThat(read(overlong, "id")).containsExactly("i").isEqualTo(jacksonKeys(overlong, "id"));
        assertThat(read(surrogate, "id")).containsExactly("a\ud800").isEqualTo(jacksonKeys(surrogate, "id"));
    }

    @Test
    void aKeyNameInBytesThatAreNoUtf8IsFoundAsJacksonFindsIt() throws IOException {
        byte[] overlong = RandomJson.concat(bytes("{\""), new byte[] { (byte) 0xc1, (byte) 0xa9 }, bytes("d\":\"x\"}"));

        assertThat(read(overlong, "id")).containsExactly("x").isEqualTo(jacksonKeys(overlong, "id"));
    }

    private static String[] read(byte[] record, String... keys) {
        return new KeyReader(JACKSON, new KeyFields(keys)).read(record, 0, record.length);
    }

    private static String[] jacksonKeys(byte[] record, String... keys) throws IOException {
        ScanFailures failures = new ScanFailures(SEED);
        String[] keysRead = jacksonKeys(record, keys, failures, 0);
        failures.assertNone(1);
        return keysRead;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A record whose key fields are mostly there once, now and then missing or given two or three times, among fields
     * of other names ({@link #TOP_NAMES}, random text) holding any value.
     */
    static String record(RandomJson json, String[] keys) {
        List<String[]> fields = new ArrayList<>();
        for (int n = json.random.nextInt(7); n > 0; n--) {
            String name = json.chance(95) ? json.pick(TOP_NAMES) : json.text(4, false, "id", "date");
            fields.add(new String[] { json.name(name), json.value(3, 1) });
        }
        for (String key : keys) {
            for (int n = json.chance(10) ? 0 : json.chance(85) ? 1 : 2 + json.random.nextInt(2); n > 0; n--) {
                fields.add(new String[] { json.name(key), keyValue(json) });
            }
        }
        Collections.shuffle(fields, json.random);
        return json.object(fields, 0);
    }

    private static String keyValue(RandomJson json) {
        return switch (json.random.nextInt(10)) {
            case 0, 1, 2, 3 -> json.literal(json.text(12, true, "id", "\"id\":"), false);
            case 4 -> json.literal(json.text(12, false, "\"id\":\"x\"", "}"), true);
            case 5, 6 -> json.number();
            case 7 -> json.chance(50) ? "true" : "false";
            case 8 -> "null";
            default -> json.value(3, 1);
        };
    }

    /** The keys by the rule of the class comment, read by Jackson's parser, and checked against Jackson's tree. */
    private static String[] jacksonKeys(byte[] record, String[] keys, ScanFailures failures, long seed)
            throws IOException {
        String[] found = new String[keys.length];
        int[] occurrences = new int[keys.length];
        try (JsonParser parser = JACKSON.createParser(record)) {
            assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                int key = Arrays.asList(keys).indexOf(parser.currentName());
                JsonToken value = parser.nextToken();
                if (key >= 0) {
                    occurrences[key]++;
                    if (found[key] == null && value.isScalarValue() && value != JsonToken.VALUE_NULL) {
                        found[key] = parser.getText();
                    }
                }
                parser.skipChildren();
            }
        }
        JsonNode tree;
        try {
            tree = STRICT.readTree(record);
        } catch (NumberFormatException beyondBigDecimal) { // a broken record's exponent of many digits
            return found;
        }
        for (int k = 0; k < keys.length; k++) {
            if (occurrences[k] == 1 && !treeAgrees(tree.get(keys[k]), found[k])) {
                failures.add(seed, record, "Jackson's tree has " + tree.get(keys[k]) + " for " + keys[k]);
            }
        }
        return found;
    }

    private static boolean treeAgrees(JsonNode value, String text) {
        if (value.isNull() || value.isContainerNode()) {
            return text == null;
        }
        if (value.isNumber()) {
            return text != null && new BigDecimal(text).compareTo(value.decimalValue()) == 0;
        }
        return value.asText().equals(text);
    }

    private static boolean isOneObject(byte[] json) {
        try {
            return ONE_VALUE.readTree(json).isObject();
        } catch (IOException notOne) {
            return false;
        }
    }
}
