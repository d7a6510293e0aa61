package io.github.camelmapiq.mapiq.consumer;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.zip.DeflaterOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Snapshot states exactly as earlier releases stored them (no day, as for undated resources), written independently
 * of the component's current code: {@code mapiq-snapshot-v1} (deflated JSON lines) and {@code mapiq-snapshot-v2}
 * (binary list with packed bodies), both with 64 bits of the SHA-256 of a sorted canonical text as fingerprint.
 */
final class PreviousReleaseStates {

    private PreviousReleaseStates() {
    }

    static String v1(List<ObjectNode> records, ObjectMapper mapper, String idField) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(new DeflaterOutputStream(Base64.getEncoder().wrap(bytes)),
                StandardCharsets.UTF_8)) {
            for (ObjectNode record : records) {
                out.write("[" + mapper.writeValueAsString(record.get(idField).asText()) + ",null,\""
                          + Long.toHexString(sha256Fingerprint(record)) + "\"," + record + "]\n");
            }
        }
        return "mapiq-snapshot-v1:" + bytes.toString(StandardCharsets.US_ASCII);
    }

    static String v2(List<ObjectNode> records, String idField) throws Exception {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(Base64.getEncoder().wrap(text))) {
            out.writeInt(records.size());
            for (ObjectNode record : records) {
                byte[] packed = PackedJson.pack(record.toString());
                out.writeUTF(record.get(idField).asText());
                out.writeInt(Integer.MIN_VALUE);
                out.writeLong(sha256Fingerprint(record));
                out.writeInt(packed.length);
                out.write(packed);
            }
        }
        return "mapiq-snapshot-v2:" + text.toString(StandardCharsets.US_ASCII);
    }

    private static long sha256Fingerprint(JsonNode record) throws Exception {
        StringBuilder canonical = new StringBuilder();
        appendCanonical(record, canonical);
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
    }

    private static void appendCanonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (String name : names) {
                out.append('"').append(name).append("\":");
                appendCanonical(node.get(name), out);
                out.append(',');
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (Iterator<JsonNode> it = node.elements(); it.hasNext();) {
                appendCanonical(it.next(), out);
                out.append(',');
            }
            out.append(']');
        } else {
            out.append(node.toString());
        }
    }
}
