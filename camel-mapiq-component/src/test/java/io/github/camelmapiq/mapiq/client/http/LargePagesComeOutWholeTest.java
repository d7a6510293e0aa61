package io.github.camelmapiq.mapiq.client.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelmapiq.mapiq.client.error.MapiqResponseException;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A page is held in chunks of bytes as it arrives; pages of a few hundred kilobytes, whose records and multi-byte
 * characters straddle the chunks, come out record for record exactly as Mapiq sent them, through a route's
 * {@code operation=list} against a small real HTTP server. {@code maxResponseSize} is exact.
 */
class LargePagesComeOutWholeTest {

    private CraftedListApi api;

    @AfterEach
    void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void everyRecordOfTwoLargePagesComesOutAsSentInJson() throws Exception {
        List<String> first = records(1, 400);
        List<String> second = records(2, 300);
        serve(page(first, "\"next\""), page(second, "null"));

        String body = list("&outputFormat=json", String.class);

        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        assertThat(body).isEqualTo("[" + String.join(",", all) + "]");
        assertThat(CraftedListApi.bytes(page(first, "\"next\"")).length).isGreaterThan(4 * PageBody.CHUNK);
        assertThat(api.queries()).hasSize(2);
        assertThat(api.queries().get(1)).contains("continuationToken=next");
    }

    @Test
    void everyRecordOfALargePageIsBoundWhole() throws Exception {
        List<String> sent = records(1, 400);
        serve(page(sent, "null"));

        List<?> records = list("&outputFormat=map", List.class);

        assertThat(records).hasSize(400);
        for (int i = 0; i < 400; i++) {
            Map<?, ?> record = (Map<?, ?>) records.get(i);
            assertThat(record.get("id")).isEqualTo("u-1-" + i);
            assertThat(record.get("lastName")).isEqualTo(filler(i));
            assertThat(record.get("email")).isEqualTo("person" + i + "@example.com");
        }
    }

    @Test
    void maxResponseSizeAcceptsAPageOfExactlyThatSizeAndRefusesOneByteMore() throws Exception {
        String page = page(records(1, 50), "null");
        int size = CraftedListApi.bytes(page).length;
        serve(page);

        assertThat(list("&outputFormat=map&maxResponseSize=" + size, List.class)).hasSize(50);

        Throwable failure = catchThrowable(() -> list("&outputFormat=map&maxResponseSize=" + (size - 1), List.class));
        assertThat(failure).isInstanceOf(CamelExecutionException.class);
        assertThat(failure.getCause()).isInstanceOf(MapiqResponseException.class)
                .hasMessageContaining("GET /v2/users").hasMessageContaining("maxResponseSize (" + (size - 1));
    }

    /** Records of different lengths, full of two-, three- and four-byte characters. */
    private static List<String> records(int page, int count) {
        List<String> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add("{\"id\":\"u-" + page + "-" + i + "\",\"firstName\":\"Zoë\",\"lastName\":\"" + filler(i)
                        + "\",\"email\":\"person" + i + "@example.com\",\"active\":true}");
        }
        return records;
    }

    private static String filler(int i) {
        return "Ærø€😀".repeat(20 + i % 37) + i;
    }

    private static String page(List<String> records, String token) {
        return "{\"items\":[" + String.join(",", records) + "],\"continuationToken\":" + token + "}";
    }

    private void serve(String... pages) throws Exception {
        api = CraftedListApi.answering((ex, out) -> out.write(CraftedListApi.bytes(
                ex.getRequestURI().getQuery().contains("continuationToken=next") ? pages[1] : pages[0])));
    }

    private <T> T list(String options, Class<T> type) throws Exception {
        return api.list(options, type);
    }
}
