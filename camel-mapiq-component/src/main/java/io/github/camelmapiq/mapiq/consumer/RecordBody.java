package io.github.camelmapiq.mapiq.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A record's JSON kept as bytes between the listing and the creation of its exchange: a poll must list everything
 * before it sends anything (the batch size is part of every exchange, and a listing that breaks off delivers nothing),
 * and UTF-8 bytes take a fifth to a third of the heap of a parsed tree. Either plain UTF-8 as the client's mapper
 * wrote it, or {@linkplain PackedJson packed} when the state keeps it that way anyway.
 */
final class RecordBody {

    private final byte[] bytes;
    private final boolean packed;

    private RecordBody(byte[] bytes, boolean packed) {
        this.bytes = bytes;
        this.packed = packed;
    }

    /** {@code record} written once by {@code mapper}, the mapper that parsed it. */
    static RecordBody of(ObjectNode record, ObjectMapper mapper) {
        try {
            return new RecordBody(mapper.writeValueAsBytes(record), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON record could not be written back as bytes", e);
        }
    }

    static RecordBody packed(byte[] packedJson) {
        return new RecordBody(packedJson, true);
    }

    /** The JSON text, exactly as the mapper writes the record. */
    String text() {
        return packed ? PackedJson.unpack(bytes) : new String(bytes, StandardCharsets.UTF_8);
    }

    ObjectNode tree(ObjectMapper mapper) {
        try {
            return (ObjectNode) (packed ? PackedJson.readTree(bytes, mapper) : mapper.readTree(bytes));
        } catch (IOException e) {
            throw new IllegalStateException("A record kept for this poll could not be read back: " + e.getMessage(), e);
        }
    }
}
