package io.github.camelmapiq.mapiq.client.http;

import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Answers no Mapiq would send end a listing with a {@link MapiqResponseException} naming the call, at once and
 * without retries: an {@code items} that is not an array, continuation tokens that run in a cycle, an answer that
 * trickles in past {@code callTimeout}, and nesting beyond {@code maxNestingDepth}. Each goes through a route with a
 * {@code mapiq:} endpoint against a small real HTTP server serving the crafted answer.
 */
class HostileListAnswersFailClearlyTest {

    private CraftedListApi api;
    /** How long the route's exchange took to fail (the context's stop is not counted). */
    private long failedAfterMillis;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void itemsThatAreNotAnArrayAreABadAnswer() throws Exception {
        Throwable failure = list("", (ex, out) -> out.write(bytes("{\"items\":{\"id\":\"u-1\"}}")));

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("\"items\" as an object");
        assertThat(api.queries()).hasSize(1);
    }

    @Test
    void continuationTokensRunningInACycleStopTheListing() throws Exception {
        Throwable failure = list("", (ex, out) -> {
            String query = ex.getRequestURI().getRawQuery();
            String next = query.contains("continuationToken=A") ? "B" : query.contains("continuationToken=B") ? "C" : "A";
            if (query.contains("continuationToken=C")) {
                next = "A";
            }
            out.write(bytes("{\"items\":[{\"id\":\"u-" + next + "\"}],\"continuationToken\":\"" + next + "\"}"));
        });

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("continuationToken 'A' a second time");
        assertThat(api.queries()).as("A, B, C, then A again").hasSize(4);
    }

    @Test
    void anAnswerTricklingPastTheCallTimeoutIsCutOff() throws Exception {
        Throwable failure = list("&callTimeout=1000", (ex, out) -> {
            out.write(bytes("{\"items\":["));
            for (int i = 0; i < 300; i++) {
                out.write(bytes("{\"id\":\"u-" + i + "\"},"));
                out.flush();
                Thread.sleep(50);
            }
        });

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("within callTimeout (1000 ms");
        assertThat(failedAfterMillis).as("failed near the deadline, not after the 15 s the answer would take")
                .isLessThan(5000);
    }

    @Test
    void nestingBeyondTheLimitIsABadAnswerNotRetried() throws Exception {
        Throwable failure = list("&maxNestingDepth=16", (ex, out) -> {
            out.write(bytes("{\"items\":[{\"id\":\"u-1\",\"deep\":" + "[".repeat(40) + "]".repeat(40) + "}]}"));
        });

        assertThat(failure).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("maxNestingDepth 16");
        assertThat(api.queries()).as("a bad answer is not asked for again").hasSize(1);
    }

    /** Lists users through a route, against a server giving {@code answer}; returns what the route failed with. */
    private Throwable list(String options, CraftedListApi.Answer answer) throws Exception {
        api = CraftedListApi.answering(answer);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:list").to(api.listUri(options));
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            long started = System.nanoTime();
            Throwable thrown = catchThrowable(() -> template.requestBody("direct:list", ""));
            failedAfterMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(thrown).isInstanceOf(CamelExecutionException.class);
            return thrown.getCause();
        }
    }

    private static byte[] bytes(String text) {
        return CraftedListApi.bytes(text);
    }
}
