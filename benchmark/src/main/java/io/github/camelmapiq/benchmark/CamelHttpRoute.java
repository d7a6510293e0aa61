package io.github.camelmapiq.benchmark;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelmapiq.simulator.MapiqSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The second reference: what a developer writes with camel-http instead of the component. OAuth2 client credentials
 * with {@code oauth2CacheTokens=true}, a {@code loopDoWhile} over the pages that sets the query of the next page from
 * the {@code continuationToken}, and Jackson's {@code readTree} on each page. The caller splits a long window into
 * calls of at most 31 days, one exchange each.
 */
final class CamelHttpRoute implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "benchmarkStartDate";
    private static final String END = "benchmarkEndDate";
    private static final String NEXT = "benchmarkContinuationToken";
    private static final String RECORDS = "benchmarkRecords";

    private final CamelContext context;
    private final ProducerTemplate template;
    /** The small calls' route, resolved once, as a route's {@code to} is. */
    private final Endpoint get;

    CamelHttpRoute(String baseUrl, String tokenUrl, int connections) throws Exception {
        context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(10);
        String oauth = "oauth2ClientId=" + MapiqSimulator.DEMO_CLIENT_ID
                       + "&oauth2ClientSecret=RAW(" + MapiqSimulator.DEMO_CLIENT_SECRET + ")"
                       + "&oauth2TokenEndpoint=RAW(" + tokenUrl + ")"
                       + "&oauth2Scope=RAW(" + MapiqSimulator.SCOPE + ")&oauth2CacheTokens=true"
                       + "&maxTotalConnections=" + connections + "&connectionsPerRoute=" + connections;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:list-workspace-reservations").routeId("camel-http-list")
                        .setProperty(RECORDS, constant(0L))
                        .setProperty(NEXT, constant(""))
                        .loopDoWhile(exchangeProperty(NEXT).isNotNull())
                            .process(CamelHttpRoute::pageQuery)
                            .to(baseUrl + ControlPlane.LIST_PATH + "?httpMethod=GET&" + oauth)
                            .process(CamelHttpRoute::readPage)
                        .end()
                        .setBody(exchangeProperty(RECORDS));
                from("direct:get").routeId("camel-http-get")
                        .to(baseUrl + "?httpMethod=GET&bridgeEndpoint=false&" + oauth)
                        .convertBodyTo(String.class);
            }
        });
        context.start();
        template = context.createProducerTemplate();
        get = context.getEndpoint("direct:get");
    }

    /** Lists every workspace reservation of the window; answers how many there were. */
    long listWorkspaceReservations(Window window) {
        long records = 0;
        for (Window call : window.chunks()) {
            Exchange answer = template.request("direct:list-workspace-reservations", e -> {
                e.setProperty(START, call.start().toString());
                e.setProperty(END, call.end().toString());
            });
            if (answer.getException() != null) {
                throw new IllegalStateException("camel-http route failed: " + answer.getException(),
                        answer.getException());
            }
            records += answer.getMessage().getBody(Long.class);
        }
        return records;
    }

    /** One small call; answers the length of the answer's text. */
    int get(String path, String query) {
        Exchange answer = template.request(get, e -> {
            e.getMessage().setHeader(Exchange.HTTP_PATH, path);
            e.getMessage().setHeader(Exchange.HTTP_QUERY, query);
        });
        if (answer.getException() != null) {
            throw new IllegalStateException("camel-http call failed: " + answer.getException(),
                    answer.getException());
        }
        return answer.getMessage().getBody(String.class).length();
    }

    private static void pageQuery(Exchange exchange) {
        String next = exchange.getProperty(NEXT, String.class);
        String query = "startDate=" + exchange.getProperty(START) + "&endDate=" + exchange.getProperty(END)
                       + "&pageSize=" + Window.PAGE_SIZE
                       + (next == null || next.isEmpty() ? ""
                               : "&continuationToken=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(Exchange.HTTP_QUERY, query);
    }

    private static void readPage(Exchange exchange) throws Exception {
        JsonNode page;
        try (InputStream body = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            page = JSON.readTree(body);
        }
        JsonNode items = page.path("items");
        if (!items.isArray()) {
            throw new IllegalStateException("No items array in a page of " + ControlPlane.LIST_PATH);
        }
        exchange.setProperty(RECORDS, exchange.getProperty(RECORDS, Long.class) + items.size());
        JsonNode next = page.path("continuationToken");
        exchange.setProperty(NEXT, next.isTextual() && !next.asText().isEmpty() ? next.asText() : null);
    }

    @Override
    public void close() throws Exception {
        template.close();
        context.stop();
    }
}
