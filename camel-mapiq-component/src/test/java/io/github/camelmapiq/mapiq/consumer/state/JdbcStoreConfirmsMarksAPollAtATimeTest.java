package io.github.camelmapiq.mapiq.consumer.state;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of a store that {@linkplain SnapshotStore#confirmsMarks confirms marks}, on the JDBC store (H2): a mark
 * holds its record's state, reads back as a mark until the key's next write, which confirms every mark inserted before
 * it, even with nothing to put; marks that a run left unconfirmed (killed before its write) are settled by the next
 * run's start and stay marks whatever its writes confirm. Each step reads the store through a new instance, as a
 * restarted process would.
 */
class JdbcStoreConfirmsMarksAPollAtATimeTest {

    @TempDir
    Path dir;

    private JdbcDataSource dataSource;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.resolve("state") + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
    }

    @Test
    void aWriteConfirmsTheMarksInsertedBeforeIt() throws Exception {
        JdbcSnapshotStore store = started();
        assertThat(store.confirmsMarks()).isTrue();
        store.insert("k", List.of(record("a", 11), record("b", 12)));
        store.insert("other", List.of(record("a", 21)));
        assertThat(started().find("k", List.of("a", "b"), false).values()).allMatch(StoredRecord::isMark);

        store.write("k", List.of(), List.of());
        Map<String, StoredRecord> confirmed = started().find("k", List.of("a", "b"), false);
        assertThat(confirmed.get("a").fingerprintLow()).isEqualTo(11);
        assertThat(confirmed.get("b").fingerprintLow()).isEqualTo(12);
        assertThat(confirmed.values()).noneMatch(StoredRecord::isMark);
        assertThat(started().find("other", List.of("a"), false).get("a").isMark())
                .as("a mark of another key, not written since").isTrue();
    }

    @Test
    void marksARunLeftUnconfirmedStayMarksAfterTheNextRunsWrites() throws Exception {
        JdbcSnapshotStore killed = started();
        killed.insert("k", List.of(record("left", 31)));
        // the run is killed here, before its write

        JdbcSnapshotStore next = started();
        next.settlePendingMarks("k");
        next.insert("k", List.of(record("new", 41)));
        next.write("k", List.of(record("updated", 51)), List.of());
        Map<String, StoredRecord> found = started().find("k", List.of("left", "new", "updated"), false);
        assertThat(found.get("left").isMark()).as("the killed run's mark").isTrue();
        assertThat(found.get("left").day()).isEqualTo(31);
        assertThat(found.get("new").isMark()).as("this run's mark, confirmed").isFalse();
        assertThat(found.get("updated").fingerprintLow()).isEqualTo(51);
        assertThat(started().count("k")).isEqualTo(3);
    }

    @Test
    void startingOverForgetsRowsAndMarks() throws Exception {
        JdbcSnapshotStore store = started();
        store.insert("k", List.of(record("a", 61)));
        store.write("k", List.of(), List.of());
        store.startOver("k");
        store.insert("k", List.of(record("b", 62)));
        assertThat(started().find("k", List.of("a", "b"), false)).containsOnlyKeys("b");
        assertThat(started().find("k", List.of("b"), false).get("b").isMark())
                .as("a mark inserted after starting over, not confirmed yet").isTrue();
    }

    private JdbcSnapshotStore started() {
        JdbcSnapshotStore store = new JdbcSnapshotStore(dataSource);
        store.start();
        return store;
    }

    /** A record whose fingerprint and day are {@code n}. */
    private static StoredRecord record(String id, int n) {
        return new StoredRecord(id, n, n, n, null);
    }
}
