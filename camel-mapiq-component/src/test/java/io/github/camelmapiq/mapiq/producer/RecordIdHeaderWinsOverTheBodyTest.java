package io.github.camelmapiq.mapiq.producer;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.User;
import io.github.camelmapiq.simulator.MapiqSimulatorExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the user guide and the header table say of {@code CamelMapiqRecordId}: {@code operation=delete} and
 * {@code operation=get} read the header first, and take the id from the body only when the header is not set. Each
 * exchange names one record in the header and another one in the body, through routes as a user writes them.
 */
class RecordIdHeaderWinsOverTheBodyTest {

    @RegisterExtension
    static MapiqSimulatorExtension sim = MapiqSimulatorExtension.builder().users(12).build();

    private static SimulatedCamel camel;

    @BeforeAll
    static void start() throws Exception {
        camel = SimulatedCamel.start(sim.simulator(), new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:cancel").to("mapiq:workspace-reservations?operation=delete");
                from("direct:user").to("mapiq:users?operation=get");
            }
        });
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    private static List<String> ids(String resource) {
        return sim.control().list(resource).stream().map(r -> (String) r.get("id")).toList();
    }

    @Test
    void deleteRemovesTheReservationTheHeaderNamesNotTheOneInTheBody() {
        List<String> reservations = ids("workspace-reservations");
        String inHeader = reservations.get(0);
        String inBody = reservations.get(1);
        String inJsonBody = reservations.get(2);
        String bodyOnly = reservations.get(3);

        Exchange mapBody = camel.send("direct:cancel", Map.of("id", inBody), Map.of(MapiqConstants.RECORD_ID, inHeader));
        Exchange textBody = camel.send("direct:cancel", "{\"id\":\"" + inJsonBody + "\"}",
                Map.of(MapiqConstants.RECORD_ID, reservations.get(4)));
        Exchange noHeader = camel.send("direct:cancel", bodyOnly);

        assertThat(List.of(mapBody, textBody, noHeader)).allSatisfy(e -> assertThat(e.getException()).isNull());
        assertThat(sim.control().deletedReservationIds())
                .containsExactly(inHeader, reservations.get(4), bodyOnly);
        assertThat(mapBody.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(inHeader);
        assertThat(sim.control().get("workspace-reservations", inBody)).isPresent();
        assertThat(sim.control().get("workspace-reservations", inJsonBody)).isPresent();
    }

    @Test
    void getAnswersTheUserTheHeaderNamesNotTheOneInTheBody() {
        List<String> users = ids("users");
        User inBody = new User();
        inBody.setId(users.get(1));

        Exchange modelBody = camel.send("direct:user", inBody, Map.of(MapiqConstants.RECORD_ID, users.get(0)));
        Exchange textBody = camel.send("direct:user", users.get(3), Map.of(MapiqConstants.RECORD_ID, users.get(2)));
        Exchange noHeader = camel.send("direct:user", users.get(5));

        assertThat(modelBody.getMessage().getBody(User.class).getId()).isEqualTo(users.get(0));
        assertThat(modelBody.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(users.get(0));
        assertThat(textBody.getMessage().getBody(User.class).getId()).isEqualTo(users.get(2));
        assertThat(noHeader.getMessage().getBody(User.class).getId()).isEqualTo(users.get(5));
        assertThat(noHeader.getMessage().getBody(User.class).getEmail())
                .isEqualTo(sim.control().list("users").get(5).get("email"));
    }
}
