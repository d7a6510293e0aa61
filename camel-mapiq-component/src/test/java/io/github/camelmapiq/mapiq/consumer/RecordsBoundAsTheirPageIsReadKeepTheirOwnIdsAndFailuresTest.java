package io.github.camelmapiq.mapiq.consumer;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.client.model.User;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ExceptionHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A consumer without {@code changesOnly}, and {@code operation=list}, bind each record into its body while the page's
 * tokens are read once. Each record still gets its own top-level id (never one of a nested object), and a record
 * whose JSON is fine but does not fit the model type fails only its own exchange: the records after it on the page
 * are delivered.
 */
class RecordsBoundAsTheirPageIsReadKeepTheirOwnIdsAndFailuresTest {

    private static final String PAGE = """
            {"items":[
              {"id":"u-1","firstName":"Ann","team":{"id":"nested-1","members":[{"id":"nested-2"}]},"tags":["a",{"id":"x"}]},
              {"id":"u-2","firstName":{"given":"Bob"},"lastName":"Broken"},
              {"team":{"id":"nested-3"},"id":"u-3","firstName":"Cy","email":null},
              {"firstName":"Di","id":"u-4","department":"Facilities","unknownField":[1,2,{"deep":[3]}]}
            ],"continuationToken":null}""";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void aConsumerDeliversEveryFittingRecordWithItsOwnIdAndReportsTheOther() throws Exception {
        String base = serve();
        List<Exchange> delivered = new CopyOnWriteArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        ExceptionHandler handler = ConsumerTestSupport.recording(failures);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.getRegistry().bind("recordFailures", handler);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("mapiq:users?" + credentials(base) + "&exceptionHandler=#recordFailures&delay=600000")
                            .process(delivered::add);
                }
            });
            context.start();
            await().atMost(Duration.ofMinutes(1)).until(() -> delivered.size() == 3 && failures.size() == 1);
        }

        assertThat(delivered).extracting(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID))
                .containsExactly("u-1", "u-3", "u-4");
        List<User> users = delivered.stream().map(e -> e.getMessage().getBody(User.class)).toList();
        assertThat(users).extracting(User::getId).containsExactly("u-1", "u-3", "u-4");
        assertThat(users).extracting(User::getFirstName).containsExactly("Ann", "Cy", "Di");
        assertThat(users.get(2).getDepartment()).isEqualTo("Facilities");
        assertThat(users.get(2).getUnknownFields()).containsKey("unknownField");
        assertThat(users.get(0).getUnknownFields()).containsKeys("team", "tags");
        assertThat(failures.get(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A Mapiq users record cannot be read as User");
    }

    /** Ids written every way JSON allows; the header is the same whether the record is bound or taken as text. */
    private static final String WRITTEN_EVERY_WAY = """
            {"items":[
              {"id":"u-1"},
              {"team":{"id":"nested","of":[1,{"id":"deep"}]},"note":"a } and \\"id\\":\\"fake\\" in text","id":"u-2"},
              {"id":"u-\\u0033"},
              {"id":null,"firstName":"Di","id":"u-4"},
              {"id":5},
              { "id" : "u-6" , "firstName" : "Fay" },
              {"first\\u004eame":"Gus","id":"u-7"},
              {"firstName":"Hé","id":"ü-8"},
              {"firstName":"no id at all"},
              {"id":{"value":"u-10"},"firstName":"an object is no id"}
            ],"continuationToken":null}""";

    @Test
    void everyOutputFormatGivesEachRecordTheIdItHasHoweverItIsWritten() throws Exception {
        // the top-level id, its first non-null value; none for a missing id or an object (which fails a User body)
        List<String> expected = java.util.Arrays.asList("u-1", "u-2", "u-3", "u-4", "5", "u-6", "u-7", "ü-8", null,
                null);
        for (String format : List.of("pojo", "map", "json")) {
            String base = serve(WRITTEN_EVERY_WAY);
            List<String> ids = format.equals("pojo") ? expected.subList(0, 9) : expected;
            List<Exchange> delivered = new CopyOnWriteArrayList<>();
            try (DefaultCamelContext context = new DefaultCamelContext()) {
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("mapiq:users?outputFormat=" + format + "&" + credentials(base) + "&delay=600000")
                                .process(delivered::add);
                    }
                });
                context.start();
                await().atMost(Duration.ofMinutes(1)).until(() -> delivered.size() >= ids.size());
            } finally {
                stop();
            }

            assertThat(delivered).as(format).extracting(e -> e.getMessage().getHeader(MapiqConstants.RECORD_ID))
                    .containsExactlyElementsOf(ids);
        }
    }

    @Test
    void aListBindsEveryRecordOfEveryPageInOrder() throws Exception {
        List<Map<String, Object>> list = list(serve(), "outputFormat=map");

        assertThat(list).hasSize(4);
        assertThat(list.stream().map(m -> (Object) m.get("id")).toList()).containsExactly("u-1", "u-2", "u-3", "u-4");
        assertThat(list.get(1).get("firstName")).isEqualTo(Map.of("given", "Bob"));
        assertThat(list.get(0).get("team")).isEqualTo(
                Map.of("id", "nested-1", "members", List.of(Map.of("id", "nested-2"))));
    }

    @Test
    void aListOfModelTypesFailsOnItsUnfitRecordNotOnThePage() throws Exception {
        String base = serve();

        // the page reads on past u-2 (bound without picking up key fields), so the failure is u-2's own
        assertThatThrownBy(() -> list(base, "outputFormat=pojo"))
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A Mapiq users record cannot be read as User")
                .hasMessageContaining("String");

        server.removeContext("/v2/users");
        server.createContext("/v2/users", ex -> answer(ex, PAGE.replace("{\"given\":\"Bob\"}", "\"Bob\"")));
        List<User> users = list(base, "outputFormat=pojo");

        assertThat(users).extracting(User::getId).containsExactly("u-1", "u-2", "u-3", "u-4");
        assertThat(users).extracting(User::getFirstName).containsExactly("Ann", "Bob", "Cy", "Di");
        assertThat(users.get(1).getLastName()).isEqualTo("Broken");
        assertThat(users.get(3).getUnknownFields()).containsKey("unknownField");
    }

    /** The body of {@code mapiq:users?operation=list} with {@code options}, from a Camel context of its own. */
    @SuppressWarnings("unchecked")
    private static <T> List<T> list(String base, String options) throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to("mapiq:users?operation=list&" + options + "&" + credentials(base));
                }
            });
            context.start();
            return context.createProducerTemplate().requestBody("direct:list", "", List.class);
        }
    }

    private static String credentials(String base) {
        return "clientId=id&clientSecret=secret&baseUrl=" + base + "&tokenUrl=" + base + "/token";
    }

    private String serve() throws Exception {
        return serve(PAGE);
    }

    private String serve(String page) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", ex -> {
            ex.getRequestBody().readAllBytes();
            answer(ex, "{\"access_token\":\"t\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
        });
        server.createContext("/v2/users", ex -> answer(ex, page));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }
}
