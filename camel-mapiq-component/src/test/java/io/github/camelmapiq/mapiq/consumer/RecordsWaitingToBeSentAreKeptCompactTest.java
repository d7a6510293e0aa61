package io.github.camelmapiq.mapiq.consumer;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.model.MapiqJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A record waits for its exchange as JSON bytes, packed beyond the first {@value Change#KEPT_PLAIN} of a poll; either
 * way its text and tree come back exactly as the client's mapper wrote and parsed it, so the body does not depend on
 * where in a poll a record was listed.
 */
class RecordsWaitingToBeSentAreKeptCompactTest {

    private final ObjectMapper mapper = MapiqJson.mapper();

    @Test
    void aRecordReadsBackTheSamePlainOrPacked() throws Exception {
        ObjectNode record = (ObjectNode) mapper.readTree("{\"id\":\"r-1\",\"firstName\":\"Zoë\",\"floorNumber\":3,"
                                                         + "\"startTime\":\"2026-03-05T09:00:00+01:00\",\"deskId\":null,"
                                                         + "\"tags\":[\"a\",{\"b\":1.5}]}");
        String json = mapper.writeValueAsString(record);

        Change plain = Change.listed("r-1", null, record, mapper, 0, null);
        Change packed = Change.listed("r-1", null, record, mapper, Change.KEPT_PLAIN, null);

        assertThat(plain.packed()).isFalse();
        assertThat(plain.body()).isEqualTo(json.getBytes(StandardCharsets.UTF_8));
        assertThat(packed.packed()).isTrue();
        assertThat(packed.body().length).isLessThan(json.getBytes(StandardCharsets.UTF_8).length);
        for (Change change : new Change[] { plain, packed }) {
            assertThat(change.text()).isEqualTo(json);
            assertThat(change.tree(mapper)).isEqualTo(record);
        }
    }
}
