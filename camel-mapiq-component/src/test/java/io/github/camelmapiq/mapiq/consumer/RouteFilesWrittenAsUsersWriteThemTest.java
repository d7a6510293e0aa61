package io.github.camelmapiq.mapiq.consumer;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.Workday;
import io.github.camelmapiq.mapiq.client.model.WorkspaceReservation;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Route files in {@code routes/users/consumer/} written from the docs alone, the component configured once in
 * {@code application.properties} ({@code camel.component.mapiq.*}, the secret from the environment), run by camel-main
 * as an application would be: the records that arrive are the ones the route asks for, in the body types the docs
 * promise, with the week written {@code today+6d} in YAML parameters and straight in an XML or Java URI.
 */
class RouteFilesWrittenAsUsersWriteThemTest extends ConsumerTestSupport {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private Main main;

    @AfterEach
    void stopMain() {
        if (main != null) {
            main.stop();
        }
    }

    @Test
    void theWeeksReservationChangesArriveFromTheYamlRouteOnItsQuartzSchedule() throws Exception {
        LocalDate today = LocalDate.now(AMSTERDAM);
        Map<String, Object> user = addUser("Yara");
        String first = reservation(user, today);
        String last = reservation(user, today.plusDays(6));
        reservation(user, today.plusDays(7));
        reservation(user, today.minusDays(1));

        CamelContext context = startMain("reservations-week.camel.yaml", "reservations.cron", "* * * * * ?");
        MockEndpoint reservations = context.getEndpoint("mock:reservations", MockEndpoint.class);
        eventually().until(() -> reservations.getReceivedCounter() >= 2);
        assertThat(changes(reservations)).containsExactlyInAnyOrder("CREATED " + first, "CREATED " + last);
        assertThat(reservations.getReceivedExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getBody()).isInstanceOf(WorkspaceReservation.class);
            assertThat(e.getMessage().getHeader("reservationUser")).isEqualTo(id(user));
        });

        control.update("workspace-reservations", last, Map.of("deskId", "desk-42"));
        control.delete("workspace-reservations", first);
        eventually().until(() -> reservations.getReceivedCounter() >= 4);
        assertThat(changes(reservations).subList(2, 4)).containsExactlyInAnyOrder("UPDATED " + last,
                "DELETED " + first);
        assertThat(reservations.getReceivedExchanges().stream()
                .filter(e -> last.equals(e.getMessage().getHeader(MapiqConstants.RECORD_ID)))
                .map(e -> e.getMessage().getBody(WorkspaceReservation.class).getDeskId()))
                .endsWith("desk-42");
    }

    @Test
    void officeDaysOfTheWeekArriveAsMapsFromTheXmlRoute() throws Exception {
        LocalDate today = LocalDate.now(AMSTERDAM);
        Map<String, Object> user = addUser("Xander");
        String monday = workday(user, today, "Office");
        String sunday = workday(user, today.plusDays(6), "Office");
        workday(user, today.plusDays(1), "Remote");
        workday(user, today.plusDays(7), "Office");

        CamelContext context = startMain("office-days.xml");
        MockEndpoint office = context.getEndpoint("mock:office-days", MockEndpoint.class);
        eventually().until(() -> office.getReceivedCounter() >= 2);
        List<Exchange> received = office.getReceivedExchanges();
        assertThat(received).extracting(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID))
                .containsExactlyInAnyOrder(monday, sunday);
        assertThat(received).allSatisfy(e -> {
            assertThat(e.getMessage().getBody()).isInstanceOf(Map.class);
            assertThat(e.getMessage().getHeader("officeUser")).isEqualTo(id(user));
        });
        assertThat(received).extracting(e -> e.getMessage().getHeader("officeDate"))
                .containsExactlyInAnyOrder(today.toString(), today.plusDays(6).toString());
    }

    @Test
    void theReadmeJavaRouteDeliversTheWeeksWorkdays() throws Exception {
        LocalDate today = LocalDate.now();
        Map<String, Object> user = addUser("Jada");
        String inWeek = workday(user, today.plusDays(6), "Remote");
        String afterWeek = workday(user, today.plusDays(7), "Remote");

        main = newMain();
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:workdays?startDate=today&endDate=today+6d").to("{{attendance.target}}");
            }
        });
        main.start();
        MockEndpoint attendance = main.getCamelContext().getEndpoint("mock:attendance", MockEndpoint.class);
        eventually().until(() -> attendance.getReceivedExchanges().stream()
                .anyMatch(e -> inWeek.equals(e.getMessage().getHeader(MapiqConstants.RECORD_ID))));
        assertThat(attendance.getReceivedExchanges()).allSatisfy(e -> {
            assertThat(e.getMessage().getBody()).isInstanceOf(Workday.class);
            assertThat(e.getMessage().getHeader(MapiqConstants.RECORD_ID)).isNotEqualTo(afterWeek);
        });
    }

    @Test
    void pollEnrichOfAMapiqEndpointReadsEveryBuildingOnRequest() throws Exception {
        CamelContext context = startMain("building-report.camel.yaml");
        context.createProducerTemplate().sendBody("direct:building-report", "go");

        MockEndpoint names = context.getEndpoint("mock:building-names", MockEndpoint.class);
        List<Object> expected = control.list("buildings").stream().map(b -> b.get("name")).toList();
        assertThat(expected).isNotEmpty();
        eventually().until(() -> names.getReceivedCounter() >= expected.size());
        assertThat(names.getReceivedExchanges()).extracting(e -> e.getMessage().getBody())
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    /** camel-main as an application runs it, with the user's application.properties and one route file. */
    private CamelContext startMain(String routeFile, String... overrides) throws Exception {
        main = newMain();
        main.configure().withRoutesIncludePattern("classpath:routes/users/consumer/" + routeFile);
        for (int i = 0; i < overrides.length; i += 2) {
            main.addOverrideProperty(overrides[i], overrides[i + 1]);
        }
        main.start();
        return main.getCamelContext();
    }

    private Main newMain() {
        Main m = new Main();
        m.setPropertyPlaceholderLocations("classpath:routes/users/consumer/application.properties");
        m.addInitialProperty("mapiq.url", sim.baseUrl());
        return m;
    }

    private static List<String> changes(MockEndpoint mock) {
        return mock.getReceivedExchanges().stream()
                .map(e -> e.getMessage().getHeader(MapiqConstants.CHANGE_TYPE, MapiqChangeType.class) + " "
                          + e.getMessage().getHeader(MapiqConstants.RECORD_ID))
                .toList();
    }

    /** A desk reservation at noon in Amsterdam on {@code day} (the same date in UTC, where the simulator places it). */
    private String reservation(Map<String, Object> user, LocalDate day) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("userId", id(user));
        r.put("firstName", user.get("firstName"));
        r.put("lastName", user.get("lastName"));
        r.put("deskId", "desk-1");
        r.put("startTime", ZonedDateTime.of(day, LocalTime.NOON, AMSTERDAM).toOffsetDateTime().toString());
        r.put("endTime", ZonedDateTime.of(day, LocalTime.of(17, 0), AMSTERDAM).toOffsetDateTime().toString());
        return id(control.add("workspace-reservations", r));
    }

    private String workday(Map<String, Object> user, LocalDate day, String status) {
        Map<String, Object> w = new LinkedHashMap<>();
        w.put("userId", id(user));
        w.put("date", day.toString());
        w.put("status", status);
        return id(control.add("workdays", w));
    }
}
