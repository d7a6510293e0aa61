package io.github.camelmapiq.mapiq.consumer;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.User;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the user guide says of {@code pollEnrich} on a {@code mapiq:} endpoint: the endpoint has no polling consumer
 * of its own, so Camel runs the endpoint's scheduled consumer (not the producer's {@code operation=list}). With the
 * default {@code splitResult=true} each call takes one record of the poll, in listing order, with its
 * {@code CamelMapiqRecordId}; with {@code splitResult=false} each call takes the whole listing as one list, without
 * the producer's {@code CamelMapiqRecordCount}.
 */
class PollEnrichTakesItsRecordsFromTheConsumerTest extends ConsumerTestSupport {

    @Test
    void eachCallTakesOneRecordOfThePollInListingOrder() throws Exception {
        addUser("Enrich0");
        addUser("Enrich1");
        addUser("Enrich2");
        List<Map<String, Object>> users = control.list("users");
        ProducerTemplate template = routes("mapiq:users?initialDelay=0").createProducerTemplate();

        for (int i = 0; i < 3; i++) {
            Exchange answer = template.request("direct:enrich", e -> { });
            User user = answer.getMessage().getBody(User.class);
            assertThat(user).as("call " + i + " takes one record, not a list").isNotNull();
            assertThat(user.getId()).isEqualTo(id(users.get(i)));
            assertThat(user.getFirstName()).isEqualTo(users.get(i).get("firstName"));
            assertThat(answer.getMessage().getHeader(MapiqConstants.RECORD_ID)).isEqualTo(id(users.get(i)));
            assertThat(answer.getMessage().getHeader(MapiqConstants.RECORD_COUNT)).isNull();
        }
    }

    @Test
    void withSplitResultFalseEachCallTakesTheWholeListing() throws Exception {
        addUser("Whole0");
        addUser("Whole1");
        List<Map<String, Object>> users = control.list("users");
        ProducerTemplate template = routes("mapiq:users?initialDelay=0&splitResult=false").createProducerTemplate();

        Exchange answer = template.request("direct:enrich", e -> { });

        List<?> body = answer.getMessage().getBody(List.class);
        assertThat(body).hasSize(users.size());
        for (int i = 0; i < users.size(); i++) {
            User user = (User) body.get(i);
            assertThat(user.getId()).isEqualTo(id(users.get(i)));
            assertThat(user.getEmail()).isEqualTo(users.get(i).get("email"));
        }
        assertThat(answer.getMessage().getHeader(MapiqConstants.RECORD_COUNT))
                .as("set by operation=list, which pollEnrich does not run").isNull();
    }

    private CamelContext routes(String uri) throws Exception {
        CamelContext context = newContext();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:enrich").pollEnrich(uri, 30_000L);
            }
        });
        context.start();
        return context;
    }
}
