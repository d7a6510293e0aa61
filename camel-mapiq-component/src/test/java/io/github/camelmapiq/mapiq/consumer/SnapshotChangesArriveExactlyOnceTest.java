package io.github.camelmapiq.mapiq.consumer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.User;
import io.github.camelmapiq.simulator.MutableClock;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotChangesArriveExactlyOnceTest extends ConsumerTestSupport {

    @Test
    void firstPollEmitsEverythingAsCreatedThenOnlyWhatChanged() throws Exception {
        addUser("Ann");
        Map<String, Object> bob = addUser("Bob");
        Map<String, Object> cas = addUser("Cas");
        List<String> created = allCreated("users");
        int n = created.size();
        Recorder recorder = new Recorder();
        start("mapiq:users?changesOnly=true&deletedRecordBodies=true&" + FAST, recorder);

        eventually().until(() -> recorder.size() == n);
        assertThat(recorder.changes()).containsExactlyInAnyOrderElementsOf(created);

        Map<String, Object> dan = addUser("Dan");
        control.update("users", id(bob), Map.of("lastName", "Renamed"));
        control.delete("users", id(cas));

        eventually().until(() -> recorder.size() == n + 3);
        assertThat(recorder.changesFrom(n)).containsExactlyInAnyOrder(
                "CREATED " + id(dan), "UPDATED " + id(bob), "DELETED " + id(cas));
        Exchange updated = find(recorder, id(bob));
        assertThat(updated.getMessage().getBody(User.class).getLastName()).isEqualTo("Renamed");
        Exchange deleted = find(recorder, id(cas));
        assertThat(deleted.getMessage().getBody(User.class).getFirstName())
                .as("a deleted record's body is its last known body").isEqualTo("Cas");
        assertThat(deleted.getMessage().getHeader(MapiqConstants.RESOURCE)).isEqualTo("users");

        awaitPolls("/v2/users", 3);
        assertThat(recorder.size()).as("unchanged records are not sent again").isEqualTo(n + 3);
    }

    @Test
    void aRecordLeavingTheMovingWindowIsNotDeletedButOneDeletedInsideItIs() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        Map<String, Object> user = addUser("Window");
        String userId = id(user);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        String leaving = id(control.add("workspace-reservations", reservation(userId, today)));
        String deletedLater = id(control.add("workspace-reservations", reservation(userId, today.plusDays(1))));

        Recorder recorder = new Recorder();
        CamelContext context = start("mapiq:workspace-reservations?changesOnly=true&startDate=today&endDate=today+1d"
                                     + "&timeZone=UTC&userId=" + userId + "&" + FAST,
                recorder);
        MapiqPollingConsumer consumer = (MapiqPollingConsumer) context.getRoute("poll").getConsumer();
        consumer.setClock(clock);
        eventually().until(() -> recorder.size() == 2);
        assertThat(recorder.changes()).containsExactlyInAnyOrder("CREATED " + leaving, "CREATED " + deletedLater);

        clock.advance(Duration.ofDays(1)); // the window is now tomorrow..tomorrow+1: 'leaving' is out of it
        control.delete("workspace-reservations", deletedLater);
        String arriving = id(control.add("workspace-reservations", reservation(userId, today.plusDays(2))));

        eventually().until(() -> recorder.size() == 4);
        awaitPolls("/v2/reservations/workspaces", 3);
        assertThat(recorder.changesFrom(2)).containsExactlyInAnyOrder(
                "DELETED " + deletedLater, "CREATED " + arriving);
    }

    private static Map<String, Object> reservation(String userId, LocalDate day) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userId", userId);
        r.put("startTime", day.atTime(9, 0).atOffset(ZoneOffset.UTC).toString());
        r.put("endTime", day.atTime(17, 0).atOffset(ZoneOffset.UTC).toString());
        return r;
    }

    static Exchange find(Recorder recorder, String id) {
        return recorder.exchanges.stream()
                .filter(e -> id.equals(e.getMessage().getHeader(MapiqConstants.RECORD_ID)))
                .reduce((a, b) -> b).orElseThrow();
    }

    static MapiqChangeType typeOf(Exchange exchange) {
        return exchange.getMessage().getHeader(MapiqConstants.CHANGE_TYPE, MapiqChangeType.class);
    }
}
