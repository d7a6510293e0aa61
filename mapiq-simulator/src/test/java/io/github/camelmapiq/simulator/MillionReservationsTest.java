package io.github.camelmapiq.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** 50,000 users give about a million workspace reservations; generation and a query stay fast. */
class MillionReservationsTest {

    @Test
    void millionReservationsGenerateInSecondsAndAnswerADayQuickly() {
        long t0 = System.nanoTime();
        try (MapiqSimulator sim = MapiqSimulator.builder().users(50_000).rateLimitPerSecond(0).start()) {
            long startedMs = (System.nanoTime() - t0) / 1_000_000;
            int count = sim.control().count("workspace-reservations");
            assertThat(count).isGreaterThanOrEqualTo(1_000_000);
            Runtime rt = Runtime.getRuntime();
            System.out.printf("generated %,d workspace reservations, %,d workdays, %,d parking reservations,"
                    + " %,d check-in events in %,d ms; heap used ~%,d MB%n", count, sim.control().count("workdays"),
                    sim.control().count("parking-reservations"), sim.control().count("checkin-events"), startedMs,
                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            // ~8 s on an idle 2-core machine; the bound only catches a regression to minutes
            assertThat(startedMs).isLessThan(60_000);
            Api api = new Api(sim).login();
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            long q0 = System.nanoTime();
            Api.Response r = api.get("/v2/reservations/workspaces?startDate=" + today + "&endDate="
                    + today.plusDays(6) + "&pageSize=1000");
            long queryMs = (System.nanoTime() - q0) / 1_000_000;
            assertThat(r.status()).isEqualTo(200);
            JsonNode items = r.items();
            assertThat(items).hasSize(1000);
            assertThat(r.json().get("continuationToken").isNull()).isFalse();
            String userId = items.get(0).get("userId").asText();
            Api.Response mine = api.get("/v2/reservations/workspaces?startDate=" + today.minusDays(30) + "&endDate="
                    + today + "&userId=" + userId);
            assertThat(mine.items().findValuesAsText("userId")).containsOnly(userId);
            System.out.printf("first page of a week: %d ms%n", queryMs);
            assertThat(queryMs).isLessThan(5_000);
        }
    }
}
