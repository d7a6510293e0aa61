package io.github.camelmapiq.mapiq.client.http;

import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Mapiq ends a page with its {@code continuationToken}, and the component asks for the next page as soon as the body
 * has arrived, reading the records meanwhile. A page laid out otherwise (token first, pretty-printed, a token with JSON
 * escapes) is followed just the same, and a page naming two different tokens is a bad answer. Each goes through a
 * route's {@code operation=list} against a small real HTTP server.
 */
class PagesAreFollowedWhereverTheirTokenStandsTest {

    private CraftedListApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void aTokenAtTheEndOfAPrettyPrintedPageIsFollowed() throws Exception {
        api = CraftedListApi.answering((ex, out) -> {
            String query = ex.getRequestURI().getQuery();
            String page = query.contains("continuationToken=p2") ? "2" : "1";
            String next = page.equals("1") ? "\"p2\"" : "null";
            out.write(CraftedListApi.bytes("{\n  \"items\" : [ {\n    \"id\" : \"u-" + page + "a\"\n  }, {\n"
                                           + "    \"id\" : \"u-" + page + "b\"\n  } ],\n  \"continuationToken\" : "
                                           + next + "\n}\n"));
        });

        assertThat(ids(list())).containsExactly("u-1a", "u-1b", "u-2a", "u-2b");
        assertThat(api.queries()).hasSize(2);
        assertThat(api.queries().get(1)).contains("continuationToken=p2");
    }

    @Test
    void aTokenBeforeTheItemsIsFollowed() throws Exception {
        api = CraftedListApi.answering((ex, out) -> {
            String query = ex.getRequestURI().getQuery();
            int page = query.contains("continuationToken=B") ? 3 : query.contains("continuationToken=A") ? 2 : 1;
            String next = page == 1 ? "\"A\"" : page == 2 ? "\"B\"" : "null";
            out.write(CraftedListApi.bytes("{\"continuationToken\":" + next + ",\"items\":[{\"id\":\"u-" + page
                                           + "\"}],\"total\":3}"));
        });

        assertThat(ids(list())).containsExactly("u-1", "u-2", "u-3");
        assertThat(api.queries()).hasSize(3);
    }

    @Test
    void aTokenWithJsonEscapesIsAskedForDecoded() throws Exception {
        api = CraftedListApi.answering((ex, out) -> {
            boolean second = ex.getRequestURI().getQuery().contains("continuationToken=a/b\"c");
            out.write(CraftedListApi.bytes(second ? "{\"items\":[{\"id\":\"u-2\"}],\"continuationToken\":null}"
                    : "{\"items\":[{\"id\":\"u-1\"}],\"continuationToken\":\"a\\/b\\\"c\"}"));
        });

        assertThat(ids(list())).containsExactly("u-1", "u-2");
        assertThat(api.queries().get(1)).endsWith("continuationToken=a/b\"c");
    }

    @Test
    void aPageNamingTwoDifferentTokensIsABadAnswer() throws Exception {
        api = CraftedListApi.answering((ex, out) -> out.write(CraftedListApi.bytes(
                "{\"continuationToken\":\"X\",\"items\":[{\"id\":\"u-1\"}],\"continuationToken\":\"Y\"}")));

        Throwable failure = catchThrowable(this::list);

        assertThat(failure).isInstanceOf(CamelExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("continuationToken");
    }

    private List<?> list() throws Exception {
        return api.list("&outputFormat=map", List.class);
    }

    private static List<Object> ids(List<?> records) {
        return records.stream().<Object>map(r -> ((Map<?, ?>) r).get("id")).toList();
    }
}
