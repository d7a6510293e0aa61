package io.github.camelmapiq.mapiq.consumer;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a snapshot state as one line of ASCII: base64 of a deflated text with one JSON array per record,
 * {@code ["id", epochDay|null, "fingerprint-hex", {last body}]}. Deflating the whole text (rather than each body)
 * lets the compression exploit what neighbouring records share, so the stored form is several times smaller than
 * the records themselves.
 */
final class SnapshotStateCodec {

    static final String FORMAT = "mapiq-snapshot-v1";

    private final ObjectMapper mapper;

    SnapshotStateCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String encode(Map<String, SnapshotChangeTracker.Known> known) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
        try (OutputStream base64 = Base64.getEncoder().wrap(bytes);
             DeflaterOutputStream deflated = new DeflaterOutputStream(base64, deflater, 8192);
             Writer out = new OutputStreamWriter(deflated, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, SnapshotChangeTracker.Known> entry : known.entrySet()) {
                SnapshotChangeTracker.Known record = entry.getValue();
                out.write('[');
                out.write(mapper.writeValueAsString(entry.getKey()));
                out.write(',');
                out.write(record.day == SnapshotChangeTracker.noDay() ? "null" : Integer.toString(record.day));
                out.write(",\"");
                out.write(Long.toHexString(record.fingerprint));
                out.write("\",");
                out.write(PackedJson.unpack(record.packedBody));
                out.write("]\n");
            }
        } finally {
            deflater.end();
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    void decode(String payload, Map<String, SnapshotChangeTracker.Known> into) throws IOException {
        byte[] compressed;
        try {
            compressed = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored consumer state is not valid base64: " + e.getMessage(), e);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new InflaterInputStream(new ByteArrayInputStream(compressed)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                JsonNode entry = mapper.readTree(line);
                JsonNode day = entry.get(1);
                SnapshotChangeTracker.Known record = new SnapshotChangeTracker.Known(
                        Long.parseUnsignedLong(entry.get(2).asText(), 16),
                        day == null || day.isNull() ? SnapshotChangeTracker.noDay() : day.asInt(),
                        PackedJson.pack(entry.get(3).toString()));
                into.put(entry.get(0).asText(), record);
            }
        }
    }
}
