package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PagingNeverLosesOrRepeatsRecordsTest {

    static MapiqSimulator sim;
    static Api api;
    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        sim = MapiqSimulator.builder().users(40).rateLimitPerSecond(0).start();
        api = new Api(sim).login();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** Follows continuation tokens to the end; answers the ids in order and the page count. */
    static List<String> pageThrough(String query, int pageSize, int[] pages) {
        List<String> ids = new ArrayList<>();
        String token = null;
        do {
            String q = query + (query.contains("?") ? "&" : "?") + "pageSize=" + pageSize
                    + (token == null ? "" : "&continuationToken=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
            Api.Response r = api.get(q);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode items = r.items();
            assertThat(items.size()).isLessThanOrEqualTo(pageSize);
            items.forEach(i -> ids.add(i.has("id") ? i.get("id").asText() : i.get("userId").asText()));
            JsonNode next = r.json().get("continuationToken");
            token = next.isNull() ? null : next.asText();
            pages[0]++;
        } while (token != null);
        return ids;
    }

    @Test
    void reservationsPagedInSevensEqualOneBigPage() {
        String q = "/v2/reservations/workspaces?startDate=" + TODAY.minusDays(10) + "&endDate=" + TODAY.plusDays(10);
        int[] pages = {0};
        List<String> paged = pageThrough(q, 7, pages);
        List<String> whole = new ArrayList<>();
        api.get(q + "&pageSize=1000").items().forEach(i -> whole.add(i.get("id").asText()));
        assertThat(whole.size()).isGreaterThan(200).isLessThan(1000);
        assertThat(pages[0]).isGreaterThan(30);
        assertThat(new HashSet<>(paged)).hasSize(paged.size());
        assertThat(paged).isEqualTo(whole);
    }

    @Test
    void everyListPagesCompletely() {
        String range = "startDate=" + TODAY.minusDays(15) + "&endDate=" + TODAY.plusDays(15);
        Map<String, String> lists = Map.of(
                "/v2/users", "users",
                "/v2/workdays?" + range, "workdays",
                "/v2/reservations/parking-spots?" + range, "parking-reservations",
                "/v2/user-locations/checkin-events?" + range, "checkin-events",
                "/v2/user-locations/checkin-statuses", "checkin-statuses");
        for (Map.Entry<String, String> e : lists.entrySet()) {
            int[] pages = {0};
            List<String> paged = pageThrough(e.getKey(), 3, pages);
            Set<String> unique = new HashSet<>(paged);
            assertThat(unique).as(e.getKey()).hasSize(paged.size());
            int total = 0;
            JsonNode one = api.get(e.getKey() + (e.getKey().contains("?") ? "&" : "?") + "pageSize=1000").items();
            total = one.size();
            assertThat(paged).as(e.getKey()).hasSize(total);
        }
    }

    @Test
    void datedListIsOrderedByStartTimeThenId() {
        JsonNode items = api.get("/v2/reservations/workspaces?startDate=" + TODAY + "&pageSize=1000").items();
        for (int i = 1; i < items.size(); i++) {
            java.time.Instant a = java.time.OffsetDateTime.parse(items.get(i - 1).get("startTime").asText()).toInstant();
            java.time.Instant b = java.time.OffsetDateTime.parse(items.get(i).get("startTime").asText()).toInstant();
            assertThat(a).isBeforeOrEqualTo(b);
        }
    }

    @Test
    void retentionLeavesOutDataOlderThanTheRetentionPeriodSilently() {
        try (MapiqSimulator shortMemory = MapiqSimulator.builder().users(20).retentionDays(5).start()) {
            Api a = new Api(shortMemory).login();
            Api.Response old = a.get("/v2/workdays?startDate=" + TODAY.minusDays(20) + "&endDate="
                    + TODAY.minusDays(6) + "&pageSize=1000");
            assertThat(old.status()).isEqualTo(200);
            assertThat(old.items()).isEmpty();
            JsonNode recent = a.get("/v2/workdays?startDate=" + TODAY.minusDays(20) + "&endDate=" + TODAY
                    + "&pageSize=1000").items();
            assertThat(recent.size()).isPositive();
            recent.forEach(w -> assertThat(LocalDate.parse(w.get("date").asText())).isAfterOrEqualTo(
                    TODAY.minusDays(5)));
        }
    }

    @Test
    void bareArraySwitchAnswersEveryRecordAsAnArray() {
        String q = "/v2/reservations/workspaces?startDate=" + TODAY.minusDays(10) + "&endDate=" + TODAY.plusDays(10);
        int paged = api.get(q + "&pageSize=1000").items().size();
        sim.control().setBareArrays(true);
        try {
            JsonNode bare = api.get(q).json();
            assertThat(bare.isArray()).isTrue();
            assertThat(bare.size()).isEqualTo(paged);
        } finally {
            sim.control().setBareArrays(false);
        }
        assertThat(api.get(q).json().isObject()).isTrue();
    }
}
