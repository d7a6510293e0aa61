package io.github.camelmapiq.mapiq.consumer;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.User;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the user guide says of a DELETED exchange: by default ({@code deletedRecordBodies=false}) its body is null and
 * the record's id is in {@code CamelMapiqRecordId}; with {@code deletedRecordBodies=true} its body is the record as
 * last seen (after its last update). Two users are deleted at once, so each exchange is checked against its own record.
 */
class DeletedExchangeBodyFollowsDeletedRecordBodiesTest extends ConsumerTestSupport {

    @Test
    void byDefaultADeletedExchangeHasANullBodyAndTheIdInItsHeader() throws Exception {
        List<Exchange> deleted = deleteTwoUsersUnder("changesOnly=true", "Ada", "Ben");

        assertThat(deleted).extracting(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID))
                .containsExactlyInAnyOrder(idOf("Ada"), idOf("Ben"));
        assertThat(deleted).allSatisfy(e -> assertThat(e.getMessage().getBody()).isNull());
    }

    @Test
    void withDeletedRecordBodiesADeletedExchangeCarriesTheRecordAsLastSeen() throws Exception {
        List<Exchange> deleted = deleteTwoUsersUnder("changesOnly=true&deletedRecordBodies=true", "Cor", "Dee");

        assertThat(deleted).hasSize(2);
        for (Exchange exchange : deleted) {
            String id = exchange.getMessage().getHeader(MapiqConstants.RECORD_ID, String.class);
            User body = exchange.getMessage().getBody(User.class);
            assertThat(body.getId()).isEqualTo(id);
            assertThat(body.getFirstName()).isEqualTo(id.equals(idOf("Cor")) ? "Cor" : "Dee");
            assertThat(body.getLastName()).as("the body as last seen: after its update").isEqualTo("Renamed");
        }
    }

    private final Map<String, String> ids = new java.util.HashMap<>();

    private String idOf(String firstName) {
        return ids.get(firstName);
    }

    /** Adds two users, lets a first poll see them, renames both, lets a poll see that, then deletes both. */
    private List<Exchange> deleteTwoUsersUnder(String options, String first, String second) throws Exception {
        for (String name : List.of(first, second)) {
            ids.put(name, id(addUser(name)));
        }
        int existing = control.count("users");
        Recorder recorder = new Recorder();
        start("mapiq:users?" + options + "&" + FAST, recorder);
        eventually().until(() -> recorder.size() == existing);

        control.update("users", idOf(first), Map.of("lastName", "Renamed"));
        control.update("users", idOf(second), Map.of("lastName", "Renamed"));
        eventually().until(() -> recorder.size() == existing + 2);
        control.delete("users", idOf(first));
        control.delete("users", idOf(second));
        eventually().until(() -> recorder.size() == existing + 4);

        assertThat(recorder.changesFrom(existing)).containsExactlyInAnyOrder("UPDATED " + idOf(first),
                "UPDATED " + idOf(second), "DELETED " + idOf(first), "DELETED " + idOf(second));
        return recorder.exchanges.subList(existing + 2, existing + 4).stream()
                .peek(e -> assertThat(e.getMessage().getHeader(MapiqConstants.CHANGE_TYPE))
                        .isEqualTo(MapiqChangeType.DELETED))
                .toList();
    }
}
