package io.github.camelmapiq.mapiq.consumer.state;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The snapshot state keeps per record its id (a UUID as 16 bytes), a fingerprint and a day, and reads back exactly
 * what was stored: ids of any form, fingerprints, days and, when asked for, the last bodies.
 */
class SnapshotStateIsCompactTest {

    @Test
    void aStoredStateReadsBackEveryRecordAndStaysSmall() throws Exception {
        SnapshotIndex index = new SnapshotIndex(false);
        Map<String, SnapshotIndex.Entry> expected = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            String id = i % 10 == 0 ? "desk-" + i : new UUID(i * 31L, i * 7L).toString();
            byte[] json = ("{\"id\":\"" + id + "\",\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
            RecordFingerprint fingerprint = RecordFingerprint.of(json, 0, json.length);
            SnapshotIndex.Entry entry = new SnapshotIndex.Entry(fingerprint.high(), fingerprint.low(), 20000 + i % 40,
                    null);
            index.put(id, entry);
            expected.put(id, entry);
        }
        index.remove("desk-0");
        expected.remove("desk-0");

        String base = RepositorySnapshotCodec.encodeBase(7, index);
        SnapshotIndex loaded = new SnapshotIndex(false);

        assertThat(RepositorySnapshotCodec.decodeBase(base, loaded)).isEqualTo(7);
        assertThat(loaded.size()).isEqualTo(expected.size());
        expected.forEach((id, entry) -> {
            int slot = loaded.find(id);
            assertThat(slot).as(id).isGreaterThanOrEqualTo(0);
            assertThat(loaded.id(slot)).isEqualTo(id);
            assertThat(loaded.entry(slot)).isEqualTo(entry);
        });
        assertThat(loaded.find("desk-0")).isEqualTo(-1);
        // 1 + 16 + 4 + 16 + 4 bytes per UUID record, as base64
        assertThat(base.length()).isLessThan(expected.size() * 60);
    }

    @Test
    void changesSinceTheBaseApplyPutsAndRemovals() throws Exception {
        SnapshotIndex index = new SnapshotIndex(true);
        byte[] body = "{\"id\":\"a\"}".getBytes(StandardCharsets.UTF_8);
        index.put("a", new SnapshotIndex.Entry(1, 2, 3, PackedJson.pack(body, 0, body.length)));
        index.put("b", new SnapshotIndex.Entry(4, 5, 6, null));
        String base = RepositorySnapshotCodec.encodeBase(1, index);
        Map<String, SnapshotIndex.Entry> changes = new HashMap<>();
        changes.put("b", SnapshotIndex.REMOVED);
        changes.put("c", new SnapshotIndex.Entry(7, 8, 9, null));

        SnapshotIndex loaded = new SnapshotIndex(true);
        RepositorySnapshotCodec.decodeBase(base, loaded);
        Map<String, SnapshotIndex.Entry> applied = new HashMap<>();

        assertThat(RepositorySnapshotCodec.applyChanges(RepositorySnapshotCodec.encodeChanges(2, changes), 1, loaded, applied))
                .as("changes of another base are ignored").isFalse();
        assertThat(RepositorySnapshotCodec.applyChanges(RepositorySnapshotCodec.encodeChanges(1, changes), 1, loaded, applied))
                .isTrue();
        assertThat(loaded.find("b")).isEqualTo(-1);
        assertThat(loaded.entry(loaded.find("c")).fingerprintLow()).isEqualTo(8);
        assertThat(PackedJson.unpack(loaded.entry(loaded.find("a")).packedBody())).isEqualTo("{\"id\":\"a\"}");
    }

    @Test
    void fingerprintsTellRecordsApart() {
        byte[] a = "{\"id\":\"1\",\"v\":\"1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] b = "{\"id\":\"1\",\"v\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(RecordFingerprint.of(a, 0, a.length)).isNotEqualTo(RecordFingerprint.of(b, 0, b.length))
                .isEqualTo(RecordFingerprint.of(a.clone(), 0, a.length));
    }
}
