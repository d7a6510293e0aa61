package io.github.camelmapiq.mapiq.consumer;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.zip.InflaterInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a snapshot state as one line of ASCII, as {@code FileStateRepository} needs: base64 of a binary list of
 * records {@code (id, epochDay, fingerprint, packed body)}. The bodies are stored as they are kept in memory (already
 * {@linkplain PackedJson packed}), so storing and loading only copy bytes: about 1 µs per record, where the first
 * format ({@value #FORMAT_V1}: one deflated JSON text, still read) unpacked, parsed and repacked every body, about 20 µs
 * per record (20 s per store for a million records), for a stored form about a third smaller.
 */
final class SnapshotStateCodec {

    static final String FORMAT = "mapiq-snapshot-v2";
    static final String FORMAT_V1 = "mapiq-snapshot-v1";

    /** Bytes per record besides the id and body: day, fingerprint, body length. */
    private static final int FIXED_BYTES = Integer.BYTES + Long.BYTES + Integer.BYTES;

    private final ObjectMapper mapper;

    SnapshotStateCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String encode(Map<String, SnapshotChangeTracker.Known> known) throws IOException {
        long binary = Integer.BYTES;
        for (Map.Entry<String, SnapshotChangeTracker.Known> entry : known.entrySet()) {
            binary += 2 + entry.getKey().length() + FIXED_BYTES + entry.getValue().packedBody.length;
        }
        long base64 = (binary + 2) / 3 * 4;
        if (base64 > Integer.MAX_VALUE - 16) {
            throw new IOException("The consumer state of " + known.size() + " records is too large for one "
                                  + "stateRepository value (" + base64 + " characters): narrow what one consumer "
                                  + "tracks with filters or a shorter window");
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream((int) base64);
        try (DataOutputStream out = new DataOutputStream(Base64.getEncoder().wrap(text))) {
            out.writeInt(known.size());
            for (Map.Entry<String, SnapshotChangeTracker.Known> entry : known.entrySet()) {
                SnapshotChangeTracker.Known record = entry.getValue();
                out.writeUTF(entry.getKey());
                out.writeInt(record.day);
                out.writeLong(record.fingerprint);
                out.writeInt(record.packedBody.length);
                out.write(record.packedBody);
            }
        }
        return text.toString(StandardCharsets.US_ASCII);
    }

    /** Reads a payload written in {@code format} ({@link #FORMAT} or {@link #FORMAT_V1}) into {@code into}. */
    void decode(String format, String payload, Map<String, SnapshotChangeTracker.Known> into) throws IOException {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(payload);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored consumer state is not valid base64: " + e.getMessage(), e);
        }
        if (FORMAT_V1.equals(format)) {
            decodeV1(bytes, into);
            return;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                int day = in.readInt();
                long fingerprint = in.readLong();
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                into.put(id, new SnapshotChangeTracker.Known(fingerprint, day, body));
            }
        } catch (EOFException | NegativeArraySizeException e) {
            throw new IllegalStateException("The stored consumer state is truncated or corrupt", e);
        }
    }

    private void decodeV1(byte[] compressed, Map<String, SnapshotChangeTracker.Known> into) throws IOException {
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
