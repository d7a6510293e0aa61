package io.github.camelmapiq.mapiq.consumer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqChangeType;

/**
 * One record a poll delivers, in the compact form it waits in until its exchange is created: a poll must list
 * everything before it sends anything (the batch size is part of every exchange, and a listing that breaks off
 * delivers nothing), so each record waits as its JSON bytes, about its size on the wire where a parsed tree takes
 * three to five times that. Beyond the first {@value #KEPT_PLAIN} records of a poll the bytes are also
 * {@linkplain PackedJson packed} (about half again, for some microseconds per record), so that a listing of a million
 * records fits in a modest heap while usual polls pay nothing.
 *
 * @param id        the record's id; {@code null} without {@code changesOnly} when nothing needs it before the exchange
 *                  is created (it is then read from the body)
 * @param type      how it changed with {@code changesOnly}, else {@code null}
 * @param body      the record's JSON as the client's mapper writes it (for a deletion, the last body seen), packed
 *                  when {@code packed}
 * @param known     snapshot change detection: what the state keeps of the record once delivered (for a deletion,
 *                  what it kept)
 * @param timestamp check-in events: the event's timestamp, which places the cursor
 */
record Change(String id, MapiqChangeType type, byte[] body, boolean packed, SnapshotChangeTracker.Known known,
        Instant timestamp) {

    /** Records of a poll kept as plain JSON bytes before the next ones are packed. */
    static final int KEPT_PLAIN = 65_536;

    /** The change of the record at {@code position} (0-based) of a poll, its body packed beyond {@link #KEPT_PLAIN}. */
    static Change listed(String id, MapiqChangeType type, ObjectNode record, ObjectMapper mapper, int position,
                         Instant timestamp) {
        byte[] json = json(record, mapper);
        boolean packed = position >= KEPT_PLAIN;
        return new Change(id, type, packed ? PackedJson.pack(json) : json, packed, null, timestamp);
    }

    static byte[] json(ObjectNode record, ObjectMapper mapper) {
        try {
            return mapper.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed JSON record could not be written back as bytes", e);
        }
    }

    /** The record's JSON text, as the client's mapper writes it. */
    String text() {
        return packed ? PackedJson.unpack(body) : new String(body, StandardCharsets.UTF_8);
    }

    /** The record parsed again by {@code mapper}. */
    ObjectNode tree(ObjectMapper mapper) {
        try {
            return (ObjectNode) (packed ? PackedJson.readTree(body, mapper) : mapper.readTree(body));
        } catch (IOException e) {
            throw new IllegalStateException("A record kept for this poll could not be read back: " + e.getMessage(), e);
        }
    }
}
