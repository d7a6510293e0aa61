package io.github.camelmapiq.mapiq.consumer.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The file store after a stop at any byte of a write: the file cut at every length from its header to its end reads
 * back as the state after some earlier complete write, never an error and never a mix; a flipped byte inside is damage,
 * reported with the file and the byte.
 */
class FileSnapshotStoreIsReadableAfterAKillAtAnyByteTest {

    @TempDir
    Path dir;

    @Test
    void everyCutOfTheFileReadsBackAsTheStateAfterAWholeWrite() throws Exception {
        Path file = dir.resolve("state.bin");
        List<Map<String, Long>> afterEachWrite = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        Map<String, Long> expected = new LinkedHashMap<>();
        FileSnapshotStore store = new FileSnapshotStore(file);
        store.start();
        afterEachWrite.add(Map.copyOf(expected));
        sizes.add(Files.size(file));
        List<String> ids = new ArrayList<>();
        for (int write = 1; write <= 6; write++) {
            List<StoredRecord> puts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                puts.add(new StoredRecord(id, write, i, 20000 + write, new byte[] { (byte) write, 7 }));
                expected.put(id, (long) write);
            }
            List<String> removes = write % 2 == 0 ? List.of(ids.get(write - 1)) : List.of();
            removes.forEach(expected::remove);
            store.write("users", puts, removes);
            afterEachWrite.add(Map.copyOf(expected));
            sizes.add(Files.size(file));
        }
        store.stop();
        byte[] whole = Files.readAllBytes(file);

        for (int cut = 8; cut <= whole.length; cut++) {
            Path copy = dir.resolve("cut-" + cut + ".bin");
            Files.write(copy, java.util.Arrays.copyOf(whole, cut));
            FileSnapshotStore reopened = new FileSnapshotStore(copy);
            reopened.start();
            Map<String, Long> loaded = load(reopened, "users");
            reopened.stop();
            int complete = 0;
            while (complete + 1 < sizes.size() && sizes.get(complete + 1) <= cut) {
                complete++;
            }
            assertThat(loaded).as("file cut at byte %d of %d", cut, whole.length)
                    .isEqualTo(afterEachWrite.get(complete));
            assertThat(Files.size(copy)).as("the cut-short write is dropped").isEqualTo(sizes.get(complete));
        }
    }

    @Test
    void aFlippedByteInsideIsReportedAsDamageNamingTheFileAndTheByte() throws Exception {
        Path file = dir.resolve("state.bin");
        FileSnapshotStore store = new FileSnapshotStore(file);
        store.start();
        store.write("users", List.of(new StoredRecord("a", 1, 2, 3, null)), List.of());
        store.write("users", List.of(new StoredRecord("b", 1, 2, 3, null)), List.of());
        store.stop();
        byte[] bytes = Files.readAllBytes(file);
        bytes[8 + 8 + 5] ^= 0x55; // inside the first record's payload
        Files.write(file, bytes);

        FileSnapshotStore damaged = new FileSnapshotStore(file);
        damaged.start();
        assertThatThrownBy(() -> load(damaged, "users")).isInstanceOf(DamagedStateException.class)
                .hasMessage("The consumer state in stateFile " + file.toAbsolutePath() + " is damaged at byte 8: a "
                            + "record's checksum does not match. Set damagedState=restart to set the file aside and "
                            + "start over, or restore the file from a backup.");
        damaged.startOver("users");
        assertThat(load(damaged, "users")).isEmpty();
        assertThat(dir.resolve("state.bin.damaged")).hasBinaryContent(bytes);
        damaged.stop();
    }

    @Test
    void compactionKeepsOnlyTheCurrentStateAndValues() throws Exception {
        Path file = dir.resolve("state.bin");
        FileSnapshotStore store = new FileSnapshotStore(file);
        store.start();
        byte[] body = new byte[2000];
        for (int round = 0; round < 800; round++) { // the same 10 records rewritten: the log outgrows the state
            List<StoredRecord> puts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                puts.add(new StoredRecord("r" + i, round, i, round, body));
            }
            store.write("users", puts, List.of());
        }
        store.setValue("events", "{\"cursor\":\"2026-01-01T00:00:00Z\"}");
        store.write("users", List.of(), List.of("r9"));
        assertThat(Files.size(file)).isLessThan(3L << 20);
        store.stop();

        FileSnapshotStore reopened = new FileSnapshotStore(file);
        reopened.start();
        Map<String, Long> loaded = load(reopened, "users");
        assertThat(loaded).hasSize(9).containsEntry("r0", 799L).containsEntry("r8", 799L).doesNotContainKey("r9");
        assertThat(reopened.getValue("events")).isEqualTo("{\"cursor\":\"2026-01-01T00:00:00Z\"}");
        reopened.stop();
    }

    @Test
    void aSecondStoreOnTheSameFileIsRefused() throws Exception {
        Path file = dir.resolve("state.bin");
        FileSnapshotStore first = new FileSnapshotStore(file);
        first.start();
        FileSnapshotStore second = new FileSnapshotStore(file);
        assertThatThrownBy(second::start).hasMessage("stateFile " + file.toAbsolutePath() + " is in use by another "
                                                     + "CamelContext of this JVM: each process or CamelContext needs "
                                                     + "a stateFile of its own");
        first.stop();
    }

    /** id to the fingerprint's high half (the write that stored it); other tests of the file store read it so too. */
    static Map<String, Long> load(SnapshotStore store, String key) throws Exception {
        Map<String, Long> loaded = new LinkedHashMap<>();
        store.load(key, new SnapshotStore.Loader() {
            @Override
            public void put(StoredRecord record) {
                loaded.put(record.id(), record.fingerprintHigh());
            }

            @Override
            public void remove(String id) {
                loaded.remove(id);
            }

            @Override
            public void clear() {
                loaded.clear();
            }
        });
        return loaded;
    }
}
