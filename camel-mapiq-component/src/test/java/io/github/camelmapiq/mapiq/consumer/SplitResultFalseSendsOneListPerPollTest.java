package io.github.camelmapiq.mapiq.consumer;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.Building;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SplitResultFalseSendsOneListPerPollTest extends ConsumerTestSupport {

    @Test
    void theWholeListingIsOneExchange() throws Exception {
        int buildings = control.count("buildings");
        Recorder recorder = new Recorder();
        start("mapiq:buildings?splitResult=false&repeatCount=1&" + FAST, recorder);

        eventually().until(() -> recorder.size() == 1);
        Exchange exchange = recorder.exchanges.get(0);
        List<?> body = exchange.getMessage().getBody(List.class);
        assertThat(body).hasSize(buildings).allSatisfy(b -> assertThat(b).isInstanceOf(Building.class));
        assertThat(exchange.getMessage().getHeader(MapiqConstants.RESOURCE)).isEqualTo("buildings");
        assertThat(exchange.getProperty(Exchange.BATCH_SIZE, Integer.class)).isEqualTo(1);
    }

    @Test
    void withChangesOnlyEachChangeTypeIsOneListCarryingItsType() throws Exception {
        Map<String, Object> ann = addUser("Ann");
        Map<String, Object> bob = addUser("Bob");
        Recorder recorder = new Recorder();
        start("mapiq:users?splitResult=false&changesOnly=true&deletedRecordBodies=true&outputFormat=map&" + FAST, recorder);
        eventually().until(() -> recorder.size() == 1);
        assertThat(SnapshotChangesArriveExactlyOnceTest.typeOf(recorder.exchanges.get(0)))
                .isEqualTo(MapiqChangeType.CREATED);
        assertThat(idsIn(recorder.exchanges.get(0))).containsExactlyInAnyOrder(id(ann), id(bob));

        control.update("users", id(ann), Map.of("department", "Sales"));
        control.delete("users", id(bob));
        eventually().until(() -> recorder.size() == 3);
        Map<MapiqChangeType, List<String>> byType = Map.of(
                SnapshotChangesArriveExactlyOnceTest.typeOf(recorder.exchanges.get(1)), idsIn(recorder.exchanges.get(1)),
                SnapshotChangesArriveExactlyOnceTest.typeOf(recorder.exchanges.get(2)), idsIn(recorder.exchanges.get(2)));
        assertThat(byType).containsEntry(MapiqChangeType.UPDATED, List.of(id(ann)))
                .containsEntry(MapiqChangeType.DELETED, List.of(id(bob)));
    }

    @Test
    void anIdlePollSendsAnEmptyMessageWhenAskedTo() throws Exception {
        Recorder recorder = new Recorder();
        start("mapiq:parking-lots?splitResult=false&changesOnly=true&sendEmptyMessageWhenIdle=true&" + FAST
              + "&stateKey=idle-lots", recorder);
        eventually().until(() -> recorder.size() >= 3);
        assertThat(recorder.exchanges.get(0).getMessage().getBody(List.class)).isNotEmpty();
        assertThat(recorder.exchanges.get(1).getMessage().getBody()).isNull();
        assertThat(recorder.exchanges.get(2).getMessage().getBody()).isNull();
        assertThat(recorder.exchanges.get(1).getMessage().getHeader(MapiqConstants.RESOURCE)).isEqualTo("parking-lots");
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsIn(Exchange exchange) {
        return ((List<Map<String, Object>>) exchange.getMessage().getBody(List.class)).stream()
                .map(m -> (String) m.get("id")).toList();
    }
}
