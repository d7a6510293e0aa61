package io.github.camelmapiq.mapiq.v1;

import java.time.ZoneId;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.MapiqResource;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The v1 shape: a reservation's date is its local start date in its building; everything else is kept. */
class V1RendererTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private static ObjectNode reservation(String startTime) throws Exception {
        return (ObjectNode) MapiqJson.mapper().readTree(
                "{\"id\":\"r-1\",\"userId\":\"u-1\",\"startTime\":\"" + startTime
                                                       + "\",\"endTime\":\"2026-03-02T17:00:00+01:00\",\"buildingId\":\"b-1\",\"costCenter\":\"CC-7\"}");
    }

    private static V1TimeZones buildingsIn(ZoneId zone) {
        return new V1TimeZones() {
            @Override
            public ZoneId ofBuilding(String buildingId) {
                return "b-1".equals(buildingId) ? zone : null;
            }

            @Override
            public ZoneId ofParkingLot(String parkingLotId) {
                return null;
            }
        };
    }

    @Test
    void startAndEndBecomeOneDateInPlaceAndUnknownFieldsStay() throws Exception {
        String v1 = V1Renderer.render(MapiqResource.WORKSPACE_RESERVATIONS, reservation("2026-03-02T09:00:00+01:00"));

        assertThat(v1).isEqualTo(
                "{\"id\":\"r-1\",\"userId\":\"u-1\",\"date\":\"2026-03-02\",\"buildingId\":\"b-1\",\"costCenter\":\"CC-7\"}");
    }

    @Test
    void theDateIsTheLocalDateInTheBuildingsZoneWhenKnown() throws Exception {
        ObjectNode utcLateEvening = reservation("2026-03-01T23:30:00Z");

        assertThat(V1Renderer.toV1(MapiqResource.WORKSPACE_RESERVATIONS, utcLateEvening, buildingsIn(AMSTERDAM))
                .get("date").asText()).isEqualTo("2026-03-02");
        assertThat(V1Renderer.toV1(MapiqResource.WORKSPACE_RESERVATIONS, utcLateEvening, V1TimeZones.NONE)
                .get("date").asText()).isEqualTo("2026-03-01");
    }

    @Test
    void usersBuildingsLotsAndCheckinsKeepTheirV2Fields() throws Exception {
        ObjectNode user = (ObjectNode) MapiqJson.mapper().readTree("{\"id\":\"u-1\",\"email\":\"a@b.c\",\"extra\":1}");

        assertThat(V1Renderer.render(MapiqResource.USERS, user)).isEqualTo("{\"id\":\"u-1\",\"email\":\"a@b.c\",\"extra\":1}");
    }

    @Test
    void resourcesV1DidNotHaveAreRefusedWithTheAlternatives() {
        ObjectNode workday = MapiqJson.mapper().createObjectNode().put("id", "w-1");

        assertThatThrownBy(() -> V1Renderer.render(MapiqResource.WORKDAYS, workday))
                .hasMessageStartingWith("outputFormat=v1 is not available for mapiq:workdays: v1 had no such resource.")
                .hasMessageEndingWith("use pojo, map or json.");
    }
}
