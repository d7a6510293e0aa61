package io.github.camelmapiq.mapiq.consumer.change;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The set of ids a poll listed tells a second listing of an id from a first, across its growth and for any id. */
class ListedIdsKnowEachIdOnceTest {

    @Test
    void eachIdIsNewOnceAndKnownAfter() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            ids.add(UUID.nameUUIDFromBytes(("user" + i).getBytes()).toString());
            ids.add("desk-" + i);
        }
        ids.add("00000000-0000-0000-0000-000000000000"); // the key that marks an empty slot
        ids.add("ABCDEF00-0000-0000-0000-000000000001"); // not canonical lowercase: hashed as text
        ListedIds listed = new ListedIds();
        for (String id : ids) {
            assertThat(listed.contains(id)).as(id).isFalse();
            assertThat(listed.add(id)).as(id).isTrue();
        }
        for (String id : ids) {
            assertThat(listed.add(id)).as(id).isFalse();
            assertThat(listed.contains(id)).as(id).isTrue();
        }
        assertThat(listed.size()).isEqualTo(ids.size());
        assertThat(listed.contains("abcdef00-0000-0000-0000-000000000001")).isFalse();
        assertThat(listed.contains("desk-5000")).isFalse();
    }
}
