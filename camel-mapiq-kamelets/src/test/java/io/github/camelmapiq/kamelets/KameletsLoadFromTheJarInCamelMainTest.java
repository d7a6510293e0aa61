package io.github.camelmapiq.kamelets;

import java.time.Duration;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelmapiq.simulator.MapiqSimulator;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import io.github.camelmapiq.simulator.SimulatorInstance;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The jar carries every Kamelet of {@code kamelets/} under {@code kamelets/}, and Camel Main loads them from the class
 * path with {@code camel.component.kamelet.location=classpath:kamelets}, credentials given as Kamelet properties: the
 * source polls the simulator and a sink posts to it.
 */
@ExtendWith(MapiqSimulatorExtension.class)
class KameletsLoadFromTheJarInCamelMainTest {

    @SimulatorInstance
    static MapiqSimulator simulator;

    @Test
    void theJarCarriesEveryKameletOfTheKameletsFolder() throws IOException {
        List<String> sources;
        try (Stream<Path> files = Files.list(Path.of("..", "kamelets"))) {
            sources = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".kamelet.yaml")).sorted()
                    .toList();
        }
        assertThat(sources).hasSize(4);
        for (String name : sources) {
            URL inJar = getClass().getClassLoader().getResource("kamelets/" + name);
            assertThat(inJar).as("kamelets/%s on the class path", name).isNotNull();
            try (var in = inJar.openStream()) {
                assertThat(new String(in.readAllBytes())).as(name)
                        .isEqualTo(Files.readString(Path.of("..", "kamelets", name)));
            }
        }
    }

    @Test
    void camelMainRunsTheSourceAndASinkFromTheClassPath() throws Exception {
        Main main = new Main();
        main.addInitialProperty("camel.component.kamelet.location", "classpath:kamelets");
        for (String kamelet : List.of("mapiq-source", "mapiq-reservation-delete-sink")) {
            main.addInitialProperty("camel.kamelet." + kamelet + ".clientId", MapiqSimulator.DEMO_CLIENT_ID);
            main.addInitialProperty("camel.kamelet." + kamelet + ".clientSecret", MapiqSimulator.DEMO_CLIENT_SECRET);
            main.addInitialProperty("camel.kamelet." + kamelet + ".baseUrl", simulator.baseUrl());
            main.addInitialProperty("camel.kamelet." + kamelet + ".tokenUrl", simulator.tokenUrl());
        }
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:mapiq-source?resource=buildings").routeId("buildings").to("mock:buildings");
                from("direct:cancel").to("kamelet:mapiq-reservation-delete-sink?ignoreNotFound=true");
            }
        });
        main.start();
        try {
            CamelContext camel = main.getCamelContext();
            int buildings = simulator.control().list("buildings").size();
            MockEndpoint mock = camel.getEndpoint("mock:buildings", MockEndpoint.class);
            await().atMost(Duration.ofMinutes(1)).until(() -> mock.getReceivedCounter() >= buildings);
            Exchange first = mock.getExchanges().get(0);
            assertThat(first.getMessage().getBody(String.class)).startsWith("{").contains("\"id\"");
            assertThat(first.getMessage().getHeader("ce-type")).isEqualTo("io.github.camelmapiq.event.mapiq.buildings");

            long deletes = simulator.control().calls("DELETE", "/v2/reservations/workspaces/no-such-reservation");
            Exchange cancelled = camel.createProducerTemplate().request("direct:cancel",
                    e -> e.getMessage().setBody("no-such-reservation"));
            assertThat(cancelled.getException()).isNull();
            assertThat(cancelled.getMessage().getHeader("CamelMapiqAlreadyDeleted")).isEqualTo(true);
            assertThat(simulator.control().calls("DELETE", "/v2/reservations/workspaces/no-such-reservation"))
                    .isEqualTo(deletes + 1);
        } finally {
            main.stop();
        }
    }
}
