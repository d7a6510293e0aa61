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

/**
 * The file store stays writable after what used to stop every later write: an interrupted writer (a route stopped
 * mid-poll), and a compaction that cannot write its new file. The full disk is {@code AFullDiskPausesPolling...}'s
 * subject; ids and keys of any length are stored too.
 */
class FileSnapshotStoreHealsAfterAFailedWriteTest {

    @TempDir
    Path dir;

    @Test
    void anInterruptedWriterNeitherFailsNorClosesTheFileForTheOthers() throws Exception {
        FileSnapshotStore store = started(dir.resolve("state.bin"));
        Map<String, Long> expected = new LinkedHashMap<>();
        Thread.currentThread().interrupt();
        try {
            store.write("users", puts(3, 1, expected), List.of());
            assertThat(Thread.currentThread().isInterrupted()).as("the writer keeps its interrupt").isTrue();
        } finally {
            Thread.interrupted();
        }
        store.write("users", puts(3, 2, expected), List.of());
        assertThat(load(store, "users")).isEqualTo(expected);
        store.stop();
        assertThat(load(started(dir.resolve("state.bin")), "users")).isEqualTo(expected);
    }

    @Test
    void aCompactionThatCannotWriteItsFileLeavesTheStoreWritingToTheOldOne() throws Exception {
        Path file = dir.resolve("state.bin");
        FileSnapshotStore store = started(file);
        // the compaction's temporary file cannot be made: a folder, not empty, has its name
        Path blocker = Files.createDirectories(dir.resolve("state.bin.tmp"));
        Files.writeString(blocker.resolve("keep"), "x");
        Map<String, Long> expected = new LinkedHashMap<>();
        for (int write = 1; Files.size(file) < 3 << 20; write++) { // past the size at which it compacts
            store.write("users", puts(1000, write, expected), List.of());
        }
        store.write("users", puts(5, 999, expected), List.of());
        assertThat(load(store, "users")).isEqualTo(expected);
        store.stop();

        Files.delete(blocker.resolve("keep"));
        Files.delete(blocker);
        FileSnapshotStore reopened = started(file);
        assertThat(load(reopened, "users")).isEqualTo(expected);
        reopened.stop();
    }

    @Test
    void idsAndKeysOfAnyLengthAreStored() throws Exception {
        Path file = dir.resolve("state.bin");
        FileSnapshotStore store = started(file);
        String key = "k".repeat(600);
        String sixHundred = "i".repeat(600);
        String overSixtyFourKilobytes = "\u20ac".repeat(25_000); // 75,000 bytes of UTF-8
        store.write(key, List.of(record(sixHundred, 1), record(overSixtyFourKilobytes, 2)), List.of());
        store.setValue(overSixtyFourKilobytes, "cursor");
        store.stop();
        FileSnapshotStore reopened = started(file);
        assertThat(load(reopened, key)).containsExactly(Map.entry(sixHundred, 1L),
                Map.entry(overSixtyFourKilobytes, 2L));
        assertThat(reopened.getValue(overSixtyFourKilobytes)).isEqualTo("cursor");
        reopened.write(key, List.of(), List.of(sixHundred));
        assertThat(load(reopened, key)).containsExactly(Map.entry(overSixtyFourKilobytes, 2L));
        reopened.stop();
    }

    private static FileSnapshotStore started(Path file) {
        FileSnapshotStore store = new FileSnapshotStore(file);
        store.start();
        return store;
    }

    private static StoredRecord record(String id, long fingerprint) {
        return new StoredRecord(id, fingerprint, 0, 20000, null);
    }

    private static List<StoredRecord> puts(int count, long fingerprint, Map<String, Long> expected) {
        List<StoredRecord> puts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            puts.add(record(id, fingerprint));
            expected.put(id, fingerprint);
        }
        return puts;
    }

    /** Each stored id with the high half of its fingerprint. */
    private static Map<String, Long> load(FileSnapshotStore store, String key) throws Exception {
        return FileSnapshotStoreIsReadableAfterAKillAtAnyByteTest.load(store, key);
    }
}
