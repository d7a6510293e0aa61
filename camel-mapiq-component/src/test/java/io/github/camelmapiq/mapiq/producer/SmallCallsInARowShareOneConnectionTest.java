package io.github.camelmapiq.mapiq.producer;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelmapiq.mapiq.MapiqConstants;
import io.github.camelmapiq.mapiq.hostile.HostileServer;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A route making small {@code mapiq:raw} calls one after another keeps one connection: each answer is read to its end
 * and its connection goes back to the pool, whatever the answer's framing (a declared length, chunks) and content type
 * (JSON, CSV), and whichever of them came before. Every body comes out as it was sent.
 */
class SmallCallsInARowShareOneConnectionTest {

    private static final String USERS = "{\"items\":[{\"id\":\"u-1\",\"name\":\"Anna Jansen\"}],\"continuationToken\":null}";
    private static final String EXPORT = "id;name\nu-1;Anna Jansen\nu-2;Bram de Vries\n";
    private static final String CHUNKED = "{\"items\":[{\"id\":\"p-7\",\"level\":2}]}";

    private HostileServer mapiq;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private DefaultCamelContext context;

    @BeforeEach
    void start() throws Exception {
        mapiq = new HostileServer().withToken("small-calls-token")
                .on("/v2/users", ex -> {
                    clientPorts.add(ex.getRemoteAddress().getPort());
                    HostileServer.text(ex, 200, "application/json; charset=utf-8", USERS);
                })
                .on("/v2/export", ex -> {
                    clientPorts.add(ex.getRemoteAddress().getPort());
                    HostileServer.text(ex, 200, "text/csv; charset=utf-8", EXPORT);
                })
                .on("/v2/parking-lots", ex -> {
                    clientPorts.add(ex.getRemoteAddress().getPort());
                    ex.getResponseHeaders().set("Content-Type", "application/json");
                    ex.sendResponseHeaders(200, 0); // chunked: no length declared
                    ex.getResponseBody().write(CHUNKED.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                });
        context = new DefaultCamelContext();
        String options = mapiq.options("small-calls-secret");
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:raw").to("mapiq:raw?method=GET" + options);
            }
        });
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
        mapiq.close();
    }

    @Test
    void answersOfEveryFramingAndTypeLeaveTheirConnectionToTheNextCall() {
        ProducerTemplate template = context.createProducerTemplate();
        List<String> paths = List.of("/v2/users?pageSize=1", "/v2/export", "/v2/parking-lots", "/v2/users?pageSize=1",
                "/v2/parking-lots", "/v2/export");
        for (int round = 0; round < 5; round++) {
            for (String path : paths) {
                Exchange answer = template.request("direct:raw", e -> e.getMessage().setHeader(MapiqConstants.PATH, path));
                assertThat(answer.getException()).as(path).isNull();
                assertThat(answer.getMessage().getHeader(MapiqConstants.HTTP_STATUS)).isEqualTo(200);
                String expected = path.startsWith("/v2/users") ? USERS : path.equals("/v2/export") ? EXPORT : CHUNKED;
                assertThat(answer.getMessage().getBody(String.class)).as(path + ", round " + round)
                        .isEqualTo(expected);
            }
        }
        assertThat(mapiq.requests("/v2/users")).hasSize(10);
        assertThat(mapiq.requests("/v2/export")).hasSize(10);
        assertThat(mapiq.requests("/v2/parking-lots")).hasSize(10);
        assertThat(mapiq.requests("/v2/users").get(3).query()).isEqualTo("pageSize=1");
        assertThat(clientPorts).as("the 30 calls came over one connection").hasSize(1);
    }
}
