package io.github.camelmapiq.mapiq;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.camelmapiq.mapiq.client.http.ListedRecord;
import io.github.camelmapiq.mapiq.client.model.MapiqJson;
import io.github.camelmapiq.mapiq.client.model.Representations;
import io.github.camelmapiq.mapiq.client.model.Workday;
import io.github.camelmapiq.mapiq.client.model.WorkdayStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each outputFormat gives the body type users configure for, with the record's content unchanged. */
class MapiqRecordFormatterTest {

    private final ObjectNode workday = Representations.sample("workdays").put("costCenter", "CC-1");

    private MapiqRecordFormatter formatter(MapiqResource resource, MapiqOutputFormat format) {
        return new MapiqRecordFormatter(resource, format, MapiqJson.mapper());
    }

    @Test
    void pojoIsTheResourcesModelTypeWithUnknownFieldsKept() {
        Object body = formatter(MapiqResource.WORKDAYS, MapiqOutputFormat.pojo).format(workday);

        assertThat(body).isInstanceOf(Workday.class);
        Workday w = (Workday) body;
        assertThat(w.getStatus()).isEqualTo(WorkdayStatus.OFFICE);
        assertThat(w.getUnknownField("costCenter")).isEqualTo("CC-1");
    }

    @Test
    void mapKeepsFieldNamesAndOrderAsSent() {
        Object body = formatter(MapiqResource.WORKDAYS, MapiqOutputFormat.map).format(workday);

        assertThat(body).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) body;
        assertThat(map.keySet()).containsExactly("id", "userId", "email", "externalId", "date",
                "startTime", "endTime", "status", "buildingId", "costCenter");
        assertThat(map).containsEntry("startTime", "2026-03-02T09:00:00+01:00");
    }

    @Test
    void jsonIsTheRecordAsText() throws Exception {
        Object body = formatter(MapiqResource.WORKDAYS, MapiqOutputFormat.json).format(workday);

        assertThat(body).isInstanceOf(String.class);
        assertThat(MapiqJson.mapper().readTree((String) body)).isEqualTo(workday);
    }

    @Test
    void aWholeListIsAListOfBodiesOrOneJsonArray() throws Exception {
        ObjectNode other = Representations.sample("workdays").put("id", "w-2");

        Object pojos = listBody(MapiqOutputFormat.pojo, workday, other);
        Object json = listBody(MapiqOutputFormat.json, workday, other);

        assertThat(pojos).asList().hasSize(2).allMatch(Workday.class::isInstance);
        assertThat(MapiqJson.mapper().readTree((String) json)).containsExactly(workday, other);
        assertThat(listBody(MapiqOutputFormat.json)).isEqualTo("[]");
    }

    private Object listBody(MapiqOutputFormat format, ObjectNode... records) throws Exception {
        MapiqRecordFormatter.ListBody body = formatter(MapiqResource.WORKDAYS, format).newListBody();
        for (ObjectNode record : records) {
            body.add(new ListedRecord(MapiqJson.mapper().writeValueAsBytes(record)));
        }
        return body.body();
    }

    @Test
    void rawHasNoModelTypeSoPojoGivesAMap() {
        Object body = formatter(MapiqResource.RAW, MapiqOutputFormat.pojo).format(workday);

        assertThat(body).isInstanceOf(Map.class);
    }

    @Test
    void aRecordThatDoesNotFitItsModelTypeFailsNamingTheResourceAndTheWayOut() {
        ObjectNode bad = Representations.sample("workdays").put("date", "second of March");

        assertThatThrownBy(() -> formatter(MapiqResource.WORKDAYS, MapiqOutputFormat.pojo).format(bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workdays record cannot be read as Workday")
                .hasMessageContaining("outputFormat=map or json");
    }
}
