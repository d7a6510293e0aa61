package io.github.camelmapiq.mapiq.client.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import io.github.camelmapiq.mapiq.EndpointSettings;
import io.github.camelmapiq.mapiq.MapiqConfiguration;
import io.github.camelmapiq.mapiq.MapiqResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListQueryTest {

    // 2026-03-10T23:30Z is already 2026-03-11 in Amsterdam (UTC+1)
    private static final Clock LATE_EVENING_UTC = Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneOffset.UTC);

    /** The query a consumer of {@code resource} with options {@code c} polls. */
    private static ListQuery query(MapiqResource resource, MapiqConfiguration c) {
        return EndpointSettings.of(resource, c, null).pollQuery();
    }

    private static MapiqConfiguration config() {
        MapiqConfiguration c = new MapiqConfiguration();
        c.setClientId("client");
        c.setClientSecret("secret");
        return c;
    }

    @Test
    void relativeDatesAreEvaluatedInTheConfiguredTimeZone() {
        MapiqConfiguration c = config();
        c.setStartDate("today");
        c.setEndDate("today+6d");
        c.setTimeZone("Europe/Amsterdam");
        ListQuery query = query(MapiqResource.WORKDAYS, c);
        assertThat(query.window(LATE_EVENING_UTC))
                .isEqualTo(new DateWindow(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-03-17")));

        c.setTimeZone("UTC");
        assertThat(query(MapiqResource.WORKDAYS, c).window(LATE_EVENING_UTC).start())
                .isEqualTo(LocalDate.parse("2026-03-10"));
    }

    @Test
    void theWindowMovesWithTheClock() {
        MapiqConfiguration c = config();
        c.setStartDate("today-1d");
        c.setTimeZone("UTC");
        ListQuery query = query(MapiqResource.CHECKIN_EVENTS, c);
        Clock nextDay = Clock.offset(LATE_EVENING_UTC, java.time.Duration.ofDays(1));
        assertThat(query.window(LATE_EVENING_UTC).start()).isEqualTo(LocalDate.parse("2026-03-09"));
        assertThat(query.window(nextDay).start()).isEqualTo(LocalDate.parse("2026-03-10"));
        assertThat(query.window(nextDay).end()).isEqualTo(LocalDate.parse("2026-03-10"));
    }

    @Test
    void theTimeZoneDefaultsToTheSystemZone() {
        assertThat(query(MapiqResource.USERS, config()).zone()).isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void paramsCarryTheChunkDatesAndTheSupportedFilters() {
        MapiqConfiguration c = config();
        c.setStartDate("2026-03-01");
        c.setEndDate("2026-04-14");
        c.setUserId("u-1");
        c.setBuildingId("b-1");
        c.setParkingLotId("p-1");
        ListQuery query = query(MapiqResource.PARKING_RESERVATIONS, c);
        assertThat(query.path()).isEqualTo("/v2/reservations/parking-spots");
        DateWindow second = query.window(LATE_EVENING_UTC).chunks().get(1);
        assertThat(query.params(second)).containsExactly(
                Map.entry("startDate", "2026-04-01"), Map.entry("endDate", "2026-04-14"),
                Map.entry("userId", "u-1"), Map.entry("buildingId", "b-1"), Map.entry("parkingLotId", "p-1"));
    }

    @Test
    void endDateDefaultsToStartDate() {
        MapiqConfiguration c = config();
        c.setStartDate("2026-03-05");
        assertThat(query(MapiqResource.WORKSPACE_RESERVATIONS, c).window(LATE_EVENING_UTC))
                .isEqualTo(new DateWindow(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-05")));
    }

    @Test
    void workdaysAcceptAStatusFilter() {
        MapiqConfiguration c = config();
        c.setStartDate("today");
        c.setStatus("Office");
        assertThat(query(MapiqResource.WORKDAYS, c).filterParams()).containsEntry("status", "Office");
    }

    @Test
    void parkingLotsAcceptABuildingFilter() {
        MapiqConfiguration c = config();
        c.setBuildingId("b-1");
        assertThat(query(MapiqResource.PARKING_LOTS, c).params(null)).containsExactly(Map.entry("buildingId", "b-1"));
    }

    @Test
    void undatedResourcesSendNoDates() {
        ListQuery query = query(MapiqResource.BUILDINGS, config());
        assertThat(query.isDateBounded()).isFalse();
        assertThat(query.params(null)).isEmpty();
        assertThat(query.path()).isEqualTo("/v2/spaces/buildings");
    }

    @Test
    void thePathOptionOverridesTheDefaultPath() {
        MapiqConfiguration c = config();
        c.setPath("/v2/people");
        assertThat(query(MapiqResource.USERS, c).path()).isEqualTo("/v2/people");
    }

    @Test
    void aDateBoundedResourceWithoutStartDateIsRejected() {
        assertThatThrownBy(() -> query(MapiqResource.WORKDAYS, config()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapiq:workdays requires option startDate")
                .hasMessageContaining("today+6d");
    }

    @Test
    void endDateBeforeStartDateIsRejected() {
        MapiqConfiguration c = config();
        c.setStartDate("today");
        c.setEndDate("today-2d");
        assertThatThrownBy(() -> query(MapiqResource.CHECKIN_EVENTS, c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is before startDate");
    }

    @Test
    void anUnparsableDateNamesTheOption() {
        MapiqConfiguration c = config();
        c.setStartDate("today");
        c.setEndDate("next week");
        assertThatThrownBy(() -> query(MapiqResource.WORKDAYS, c))
                .hasMessageContaining("Invalid endDate 'next week'");
    }

    @Test
    void aFilterTheResourceDoesNotSupportIsRejectedNamingIt() {
        MapiqConfiguration c = config();
        c.setStartDate("today");
        c.setParkingLotId("p-1");
        assertThatThrownBy(() -> query(MapiqResource.WORKSPACE_RESERVATIONS, c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Option parkingLotId is not supported by mapiq:workspace-reservations; it accepts userId, "
                            + "buildingId");

        MapiqConfiguration users = config();
        users.setUserId("u-1");
        assertThatThrownBy(() -> query(MapiqResource.USERS, users))
                .hasMessage("Option userId is not supported by mapiq:users; it accepts no filters");
    }

    @Test
    void datesOnAnUndatedResourceAreRejected() {
        MapiqConfiguration c = config();
        c.setStartDate("today");
        assertThatThrownBy(() -> query(MapiqResource.BUILDINGS, c))
                .hasMessageContaining("startDate and endDate are not supported by mapiq:buildings");
    }

    @Test
    void anUnknownStatusIsRejectedWithTheAllowedValues() {
        MapiqConfiguration c = config();
        c.setStartDate("today");
        c.setStatus("office");
        assertThatThrownBy(() -> query(MapiqResource.WORKDAYS, c))
                .hasMessage("Invalid status 'office': allowed values are Office, Remote, NotWorking");
    }

    @Test
    void anUnknownTimeZoneIsRejected() {
        MapiqConfiguration c = config();
        c.setTimeZone("Mars/Olympus");
        assertThatThrownBy(() -> query(MapiqResource.USERS, c))
                .hasMessageContaining("Invalid timeZone 'Mars/Olympus'");
    }

    @Test
    void pageSizeOutsideTheApiLimitsIsRejected() {
        MapiqConfiguration c = config();
        c.setPageSize(1001);
        assertThatThrownBy(() -> query(MapiqResource.USERS, c))
                .hasMessage("pageSize must be between 1 and 1000, was 1001");
    }

    @Test
    void occupancyAndRawCannotBeListed() {
        assertThatThrownBy(() -> query(MapiqResource.OCCUPANCY, config()))
                .hasMessageContaining("mapiq:occupancy cannot be listed");
    }

    @Test
    void headerOverridesReplaceOneSideOfTheWindow() {
        MapiqConfiguration c = config();
        c.setStartDate("2026-03-01");
        c.setEndDate("2026-03-05");
        ListQuery query = query(MapiqResource.WORKDAYS, c).withEndDate("2026-03-20")
                .withFilter(Filter.USER_ID, "u-9");
        assertThat(query.window(LATE_EVENING_UTC))
                .isEqualTo(new DateWindow(LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-20")));
        assertThat(query.filterParams()).containsEntry("userId", "u-9");
        assertThat(query.withStartDate("2026-03-04").window(LATE_EVENING_UTC).start())
                .isEqualTo(LocalDate.parse("2026-03-04"));
    }

    @Test
    void aStartOverrideMovesAnEndThatDefaultsToTheStart() {
        MapiqConfiguration c = config();
        c.setStartDate("2026-03-01");
        ListQuery query = query(MapiqResource.WORKDAYS, c).withStartDate("2026-03-04");
        assertThat(query.window(LATE_EVENING_UTC))
                .isEqualTo(new DateWindow(LocalDate.parse("2026-03-04"), LocalDate.parse("2026-03-04")));
    }

    @Test
    void describeNamesResourceDatesAndFiltersForStateKeys() {
        MapiqConfiguration c = config();
        c.setStartDate("today 6d");
        c.setUserId("u-1");
        assertThat(query(MapiqResource.WORKDAYS, c).describe())
                .isEqualTo("workdays:/v2/workdays?startDate=today+6d&endDate=today+6d&userId=u-1");
        assertThat(query(MapiqResource.WORKDAYS, c).identity()).isEqualTo("workdays:/v2/workdays;userId:u-1");
        assertThat(query(MapiqResource.USERS, config()).describe()).isEqualTo("users:/v2/users");
    }
}
