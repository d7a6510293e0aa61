package io.github.camelmapiq.mapiq.consumer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A 64-bit digest of a record's content, independent of the order Mapiq sends fields in. Snapshot change detection
 * keeps this instead of the record to tell "changed" from "unchanged"; 64 bits of SHA-256 make a missed change by
 * collision practically impossible (about 1 in 10^19 per change).
 */
final class RecordFingerprint {

    private RecordFingerprint() {
    }

    static long of(JsonNode record) {
        StringBuilder canonical = new StringBuilder(512);
        appendCanonical(record, canonical);
        MessageDigest digest = sha256();
        byte[] hash = digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
    }

    private static void appendCanonical(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
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

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
