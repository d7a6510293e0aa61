package io.github.camelmapiq.mapiq.consumer;

import java.util.ArrayList;
import java.util.List;

import io.github.camelmapiq.mapiq.MapiqClientSettings;
import io.github.camelmapiq.mapiq.MapiqComponent;
import io.github.camelmapiq.simulator.MapiqSimulator;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With a Micrometer registry in the Camel registry, the token, call and poll figures are meters tagged with resource
 * and outcome (status, type); no meter name, tag or description holds the secret or the token; a stopped route's
 * meters are removed.
 */
class MicrometerMetersCarryTheSameFiguresTest extends ConsumerTestSupport {

    @Test
    void metersCountCallsPollsDeliveriesAndErrorsByStatus() throws Exception {
        addUser("Ada");
        addUser("Bob");
        addUser("Cy");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Recorder recorder = new Recorder();
        CamelContext context = newContext();
        context.getRegistry().bind("meters", meters);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("mapiq:users?delay=60000&initialDelay=0&changesOnly=true&pageSize=2").routeId("poll")
                        .process(recorder);
                from("direct:get").to("mapiq:raw?path=/v2/no-such-path");
            }
        });
        context.start();
        eventually().until(() -> recorder.size() == 3);
        eventually().until(() -> meters.get("mapiq.polls").tag("outcome", "success").functionCounter().count() == 1);
        assertThatThrownBy(() -> context.createProducerTemplate().sendBody("direct:get", null))
                .rootCause().hasMessageContaining("404");

        String poll = "mapiq://users?changesOnly=true&delay=60000&initialDelay=0&pageSize=2";
        assertThat(meters.get("mapiq.calls").tag("resource", "users").tag("endpoint", poll).functionCounter().count())
                .isEqualTo(2.0);
        assertThat(meters.get("mapiq.pages").tag("endpoint", poll).functionCounter().count()).isEqualTo(2.0);
        assertThat(meters.get("mapiq.errors").tag("status", "404").tag("resource", "raw").tag("endpoint", "mapiq://raw?path=/v2/no-such-path")
                .functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("mapiq.polls").tags("route", "poll", "resource", "users", "outcome", "success")
                .functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("mapiq.polls").tags("route", "poll", "outcome", "failure").functionCounter().count())
                .isEqualTo(0.0);
        assertThat(meters.get("mapiq.records.delivered").tag("route", "poll").functionCounter().count()).isEqualTo(3.0);
        assertThat(meters.get("mapiq.changes").tags("route", "poll", "type", "created").functionCounter().count())
                .isEqualTo(3.0);
        assertThat(meters.get("mapiq.changes").tags("route", "poll", "type", "deleted").functionCounter().count())
                .isEqualTo(0.0);
        assertThat(meters.get("mapiq.consumer.pages").tag("route", "poll").functionCounter().count()).isEqualTo(2.0);
        assertThat(meters.get("mapiq.state.size").tag("route", "poll").gauge().value()).isPositive();
        assertThat(meters.get("mapiq.token.requests").tag("outcome", "success").functionCounter().count()).isEqualTo(1.0);
        assertThat(meters.get("mapiq.token.requests").tag("outcome", "failure").functionCounter().count()).isEqualTo(0.0);
        MapiqComponent mapiq = context.getComponent("mapiq", MapiqComponent.class);
        double expires = meters.get("mapiq.token.expires").gauge().value();
        assertThat(expires).isEqualTo(mapiq.getClients().tokenStatistics().values().iterator().next().expiresAt()
                .toEpochMilli() / 1000.0);

        String token = mapiq.getClients().tokenManager(MapiqClientSettings.credentials(mapiq.getConfiguration())).token().value();
        for (String text : everyNameTagAndDescription(meters)) {
            assertThat(text).doesNotContain(MapiqSimulator.DEMO_CLIENT_SECRET).doesNotContain(token)
                    .doesNotContain(MapiqSimulator.DEMO_CLIENT_ID);
        }

        context.getRouteController().stopRoute("poll");
        assertThat(meters.find("mapiq.polls").tag("route", "poll").meters()).isEmpty();
    }

    private static List<String> everyNameTagAndDescription(MeterRegistry meters) {
        List<String> texts = new ArrayList<>();
        for (Meter meter : meters.getMeters()) {
            texts.add(meter.getId().getName());
            texts.add(String.valueOf(meter.getId().getDescription()));
            meter.getId().getTags().forEach(tag -> texts.add(tag.getKey() + "=" + tag.getValue()));
        }
        assertThat(texts).hasSizeGreaterThan(60);
        return texts;
    }
}
