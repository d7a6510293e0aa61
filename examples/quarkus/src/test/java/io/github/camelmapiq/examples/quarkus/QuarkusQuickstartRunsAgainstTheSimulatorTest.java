package io.github.camelmapiq.examples.quarkus;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.camelmapiq.mapiq.client.model.CheckinEvent;
import io.github.camelmapiq.mapiq.client.model.CheckinEventType;
import io.github.camelmapiq.mapiq.client.model.CheckinSource;
import io.github.camelmapiq.mapiq.client.model.Workday;
import io.github.camelmapiq.mapiq.client.model.WorkdayStatus;
import io.github.camelmapiq.mapiq.client.model.WorkspaceReservation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's job: the quickstart's routes, started by Quarkus from {@code routes/*.yaml} with the
 * camel-quarkus-mapiq extension, read and write the simulator and do what they say.
 */
@QuarkusTest
@QuarkusTestResource(QuickstartSimulator.class)
class QuarkusQuickstartRunsAgainstTheSimulatorTest {

    @Inject
    ArrivedRecords arrived;

    @Test
    void officeWeekAndDesksWeekReceiveTheComingWeeksRecordsAndOneUserChecksIn() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> !arrived.of("office-week").isEmpty()
                && !arrived.of("desks-week").isEmpty() && !arrived.of("checkin").isEmpty());

        List<?> workdays = arrived.of("office-week");
        assertThat(workdays).allSatisfy(w -> assertThat(((Workday) w).getStatus()).isEqualTo(WorkdayStatus.OFFICE));
        assertThat(workdays).map(w -> ((Workday) w).getId()).containsAll(ids(QuickstartSimulator.WORKDAYS));

        List<?> desks = arrived.of("desks-week");
        assertThat(desks).allSatisfy(d -> assertThat(((WorkspaceReservation) d).getStartTime()).isNotNull());
        assertThat(desks).map(d -> ((WorkspaceReservation) d).getId()).containsAll(ids(QuickstartSimulator.RESERVATIONS));

        CheckinEvent checkin = (CheckinEvent) arrived.of("checkin").get(0);
        assertThat(checkin.getEventType()).isEqualTo(CheckinEventType.AT_THE_OFFICE);
        assertThat(checkin.getSource()).isEqualTo(CheckinSource.ACCESS_GATE);
        String posted = simulator("/_simulator/log/checkins");
        assertThat(posted).contains("\"id\":\"" + checkin.getId() + "\"", "\"userId\":\"" + checkin.getUserId() + "\"",
                "\"buildingId\":\"" + checkin.getBuildingId() + "\"");
        assertThat(simulator("/_simulator/counters")).as("one token shared by every route").contains("\"tokenRequests\":1");
    }

    private static List<String> ids(String property) {
        List<String> ids = List.of(System.getProperty(property).split(","));
        assertThat(ids).hasSize(2);
        return ids;
    }

    private static String simulator(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(System.getProperty(QuickstartSimulator.URL) + path)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
