package io.github.camelmapiq.mapiq.consumer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.model.MapiqJson;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What snapshot change detection keeps per record: a fingerprint, a day and the last body packed; stored as one line
 * of ASCII that restores exactly.
 */
class SnapshotStateIsCompactTest {

    private final ObjectMapper mapper = MapiqJson.mapper();

    @Test
    void aPackedBodyUnpacksToTheSameJsonAndIsMuchSmaller() {
        String json = reservation(1).toString();
        byte[] packed = PackedJson.pack(json);
        assertThat(PackedJson.unpack(packed)).isEqualTo(json);
        assertThat(packed.length).as("packed size of a %d-byte reservation", json.length())
                .isLessThan(json.getBytes(StandardCharsets.UTF_8).length * 6 / 10);
    }

    @Test
    void theFingerprintIgnoresFieldOrderButNotContent() throws Exception {
        ObjectNode a = (ObjectNode) mapper.readTree("{\"id\":\"1\",\"name\":\"A\",\"floors\":[{\"n\":1,\"id\":\"f\"}]}");
        ObjectNode reordered = (ObjectNode) mapper.readTree("{\"name\":\"A\",\"floors\":[{\"id\":\"f\",\"n\":1}],\"id\":\"1\"}");
        ObjectNode changed = (ObjectNode) mapper.readTree("{\"id\":\"1\",\"name\":\"A\",\"floors\":[{\"n\":2,\"id\":\"f\"}]}");
        assertThat(RecordFingerprint.of(a)).isEqualTo(RecordFingerprint.of(reordered))
                .isNotEqualTo(RecordFingerprint.of(changed));
    }

    @Test
    void theStateIsOneLineOfAsciiThatRestoresEveryRecord() throws Exception {
        Map<String, SnapshotChangeTracker.Known> known = new LinkedHashMap<>();
        long jsonBytes = 0;
        for (int i = 0; i < 500; i++) {
            ObjectNode record = reservation(i);
            jsonBytes += record.toString().length();
            known.put(record.get("id").asText(), SnapshotChangeTracker.Known.of(RecordFingerprint.of(record),
                    20_000 + i % 30, PackedJson.pack(record.toString())));
        }
        known.put("no-day", new SnapshotChangeTracker.Known(42L, -7L, SnapshotChangeTracker.NO_DAY,
                PackedJson.pack("{}")));

        String encoded = SnapshotStateCodec.encodeBase(3, known);
        assertThat(encoded).doesNotContain("\n", "\r").matches("\\p{ASCII}*");
        assertThat((long) encoded.length()).as("stored size against %d bytes of JSON", jsonBytes)
                .isLessThan(jsonBytes * 4 / 5); // ~0.77: base64 of the packed body, id, day and 128-bit fingerprint

        Map<String, SnapshotChangeTracker.Known> restored = new HashMap<>();
        assertThat(SnapshotStateCodec.decodeBase(encoded, restored)).isEqualTo(3);
        assertThat(restored).hasSameSizeAs(known);
        known.forEach((id, record) -> {
            SnapshotChangeTracker.Known back = restored.get(id);
            assertThat(back.fingerprintHigh).isEqualTo(record.fingerprintHigh);
            assertThat(back.fingerprintLow).isEqualTo(record.fingerprintLow);
            assertThat(back.day).isEqualTo(record.day);
            assertThat(PackedJson.unpack(back.packedBody)).isEqualTo(PackedJson.unpack(record.packedBody));
        });
    }

    @Test
    void changesApplyToTheBaseTheyWereWrittenForOnly() throws Exception {
        Map<String, SnapshotChangeTracker.Known> base = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            ObjectNode record = reservation(i);
            base.put("r" + i, SnapshotChangeTracker.Known.of(RecordFingerprint.of(record), 20_000,
                    PackedJson.pack(record.toString())));
        }
        Map<String, SnapshotChangeTracker.Known> changes = new LinkedHashMap<>();
        changes.put("r0", SnapshotChangeTracker.REMOVED);
        ObjectNode moved = reservation(1).put("deskId", "another desk");
        changes.put("r1", SnapshotChangeTracker.Known.of(RecordFingerprint.of(moved), 20_001,
                PackedJson.pack(moved.toString())));
        String storedChanges = SnapshotStateCodec.encodeChanges(5, changes);

        Map<String, SnapshotChangeTracker.Known> current = new HashMap<>(base);
        Map<String, SnapshotChangeTracker.Known> tracked = new HashMap<>();
        assertThat(SnapshotStateCodec.applyChanges(storedChanges, 5, current, tracked)).isTrue();
        assertThat(current).containsOnlyKeys("r1", "r2");
        assertThat(current.get("r1").day).isEqualTo(20_001);
        assertThat(PackedJson.unpack(current.get("r1").packedBody)).contains("another desk");
        assertThat(tracked).containsOnlyKeys("r0", "r1");

        // the base was rewritten as generation 6 but the process stopped before the changes were cleared
        Map<String, SnapshotChangeTracker.Known> rewritten = new HashMap<>(base);
        assertThat(SnapshotStateCodec.applyChanges(storedChanges, 6, rewritten, new HashMap<>())).isFalse();
        assertThat(rewritten).isEqualTo(base);
    }

    @Test
    void theFingerprintTellsValuesOfDifferentKindsAndPlacesApart() throws Exception {
        String[] distinct = { "{\"a\":1}", "{\"a\":\"1\"}", "{\"a\":1.0}", "{\"a\":null}", "{\"a\":\"null\"}",
            "{\"a\":[1,2]}", "{\"a\":[2,1]}", "{\"a\":{\"b\":1}}", "{\"b\":1}", "{\"a\":1,\"b\":2}",
            "{\"a\":2,\"b\":1}", "{\"ab\":\"\"}", "{\"a\":\"b\"}", "{}", "{\"a\":[]}", "{\"a\":{}}" };
        java.util.Set<RecordFingerprint> fingerprints = new java.util.HashSet<>();
        for (String json : distinct) {
            fingerprints.add(RecordFingerprint.of(mapper.readTree(json)));
        }
        assertThat(fingerprints).hasSize(distinct.length);
    }

    @Test
    void aStateKeyHoldingAnotherKindOfStateIsReportedNotMisread() {
        MemoryStateRepository repository = new MemoryStateRepository();
        StateStore store = new StateStore(repository, "shared-key");
        store.save(CheckinEventCursorTracker.FORMAT, "{}");
        assertThatThrownBy(() -> store.load(SnapshotStateCodec.FORMAT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stateKey 'shared-key'")
                .hasMessageContaining("'mapiq-checkin-events-v1' state")
                .hasMessageContaining("Set a distinct stateKey");
        assertThat(store.load(CheckinEventCursorTracker.FORMAT)).isEqualTo("{}");
    }

    private ObjectNode reservation(int i) {
        ObjectNode r = mapper.createObjectNode();
        r.put("id", UUID.nameUUIDFromBytes(("r" + i).getBytes(StandardCharsets.UTF_8)).toString());
        r.put("userId", UUID.nameUUIDFromBytes(("u" + i % 50).getBytes(StandardCharsets.UTF_8)).toString());
        r.put("userExternalId", "E" + (100000 + i % 50));
        r.put("firstName", "Anna");
        r.put("lastName", "de Vries");
        r.put("email", "anna.devries" + i % 50 + "@example.com");
        r.put("startTime", "2026-03-" + String.format("%02d", 1 + i % 28) + "T09:00:00+01:00");
        r.put("endTime", "2026-03-" + String.format("%02d", 1 + i % 28) + "T17:30:00+01:00");
        r.put("nodeId", UUID.nameUUIDFromBytes(("d" + i % 300).getBytes(StandardCharsets.UTF_8)).toString());
        r.put("deskId", r.get("nodeId").asText());
        r.put("areaId", UUID.nameUUIDFromBytes(("a" + i % 30).getBytes(StandardCharsets.UTF_8)).toString());
        r.put("floorId", UUID.nameUUIDFromBytes(("f" + i % 5).getBytes(StandardCharsets.UTF_8)).toString());
        r.put("floorNumber", i % 5);
        r.put("buildingId", "7f9c2ba4-e88f-4d6a-9b0c-1d2e3f4a5b6c");
        r.put("buildingName", "Amsterdam HQ");
        return r;
    }
}
