package io.github.camelmapiq.mapiq.consumer;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.ParkingLot;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The body of each record in each {@code outputFormat}; the record id header is the same in all. */
class OutputFormatsTest extends ConsumerTestSupport {

    @Test
    void pojoIsTheDefault() throws Exception {
        Exchange exchange = firstParkingLot("");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(ParkingLot.class);
        ParkingLot lot = exchange.getMessage().getBody(ParkingLot.class);
        assertThat(lot.getId()).isEqualTo(exchange.getMessage().getHeader(MapiqConstants.RECORD_ID));
    }

    @Test
    void mapKeepsMapiqFieldNames() throws Exception {
        Exchange exchange = firstParkingLot("&outputFormat=map");
        @SuppressWarnings("unchecked")
        Map<String, Object> body = exchange.getMessage().getBody(Map.class);
        assertThat(body.get("id")).isEqualTo(exchange.getMessage().getHeader(MapiqConstants.RECORD_ID));
        assertThat(body).containsKeys("name", "capacity", "zones", "buildingIds");
    }

    @Test
    void jsonIsTheRecordAsText() throws Exception {
        Exchange exchange = firstParkingLot("&outputFormat=json");
        assertThat(exchange.getMessage().getBody()).isInstanceOf(String.class);
        JsonNode json = new ObjectMapper().readTree(exchange.getMessage().getBody(String.class));
        assertThat(json.get("id").asText()).isEqualTo(exchange.getMessage().getHeader(MapiqConstants.RECORD_ID));
        Map<String, Object> stored = control.get("parking-lots", json.get("id").asText()).orElseThrow();
        assertThat(json.get("name").asText()).isEqualTo(stored.get("name"));
    }

    private Exchange firstParkingLot(String options) throws Exception {
        Recorder recorder = new Recorder();
        start("mapiq:parking-lots?repeatCount=1&" + FAST + options, recorder);
        eventually().until(() -> recorder.size() == control.count("parking-lots"));
        return recorder.exchanges.get(0);
    }
}
