package io.github.camelmapiq.mapiq.consumer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqChangeType;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.Workday;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every consumer resource polled from one YAML route file loaded as a user would, the simulator's URL and credentials
 * supplied as property placeholders.
 */
class ConsumerRoutesFromYamlTest extends ConsumerTestSupport {

    private CamelContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.stop();
        }
    }

    @Test
    void everyResourceArrivesFromItsYamlRoute() throws Exception {
        Map<String, Object> user = addUser("Yaml");
        String userId = id(user);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String workday = id(control.add("workdays", record("userId", userId, "date", today.toString(),
                "status", "Remote")));
        String desk = id(control.add("workspace-reservations", record("userId", userId,
                "startTime", today.atTime(9, 0).atOffset(ZoneOffset.UTC).toString(),
                "endTime", today.atTime(17, 0).atOffset(ZoneOffset.UTC).toString())));
        String parking = id(control.add("parking-reservations", record("userId", userId,
                "startTime", today.atTime(8, 0).atOffset(ZoneOffset.UTC).toString(),
                "endTime", today.atTime(18, 0).atOffset(ZoneOffset.UTC).toString())));
        String event = CheckinEvents.add(control, userId, Instant.now().minusSeconds(60));

        context = new DefaultCamelContext();
        context.getPropertiesComponent().setInitialProperties(simulatorProperties());
        PluginHelper.getRoutesLoader(context).loadRoutes(
                ResourceHelper.resolveResource(context, "classpath:routes/consumer/mapiq-consumers.yaml"));
        context.start();

        assertThat(received("workdays")).anySatisfy(e -> {
            assertThat(e.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(workday);
            assertThat(e.getMessage().getBody(Workday.class).getUserId()).isEqualTo(userId);
        });
        assertThat(received("workspace-reservations")).anySatisfy(e -> {
            assertThat(e.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(desk);
            assertThat(e.getMessage().getHeader(MapiqConstants.CHANGE_TYPE)).isEqualTo(MapiqChangeType.CREATED);
        });
        assertThat(received("parking-reservations")).anySatisfy(
                e -> assertThat(e.getMessage().getBody(Map.class).get("id")).isEqualTo(parking));
        assertThat(received("checkin-events")).anySatisfy(
                e -> assertThat(e.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(event));
        assertThat(received("checkin-statuses")).anySatisfy(
                e -> assertThat(e.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(userId));
        assertThat(received("users")).anySatisfy(
                e -> assertThat(e.getMessage().getBody(String.class)).contains("\"id\":\"" + userId + "\""));
        assertThat(received("buildings")).first()
                .satisfies(e -> assertThat(e.getMessage().getBody(List.class)).hasSize(control.count("buildings")));
        assertThat(received("parking-lots")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.getProperty(Exchange.BATCH_SIZE, 0, Integer.class)).isLessThanOrEqualTo(2));
    }

    /** Waits for the route's first message and returns what its mock endpoint received. */
    private List<Exchange> received(String resource) {
        MockEndpoint mock = context.getEndpoint("mock:" + resource, MockEndpoint.class);
        eventually().until(() -> mock.getReceivedCounter() > 0);
        return mock.getReceivedExchanges();
    }

    private static Map<String, Object> record(String... keyValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            r.put(keyValues[i], keyValues[i + 1]);
        }
        return r;
    }
}
