package io.github.camelmapiq.simulator;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentReadsAndWritesTest {

    @Test
    void readersNeverFailWhileTheControlPlaneWrites() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (MapiqSimulator sim = MapiqSimulator.builder().users(100).rateLimitPerSecond(0).start()) {
            Api api = new Api(sim).login();
            Map<String, Object> user = sim.control().list("users").get(0);
            String building = (String) sim.control().list("buildings").get(0).get("id");
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<Integer>> readers = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    readers.add(pool.submit(() -> {
                        int n = 0;
                        while (!stop.get()) {
                            Api.Response r = api.get("/v2/reservations/workspaces?startDate=" + today + "&endDate="
                                    + today.plusDays(2) + "&pageSize=50");
                            assertThat(r.status()).as(r.body()).isEqualTo(200);
                            n++;
                        }
                        return n;
                    }));
                }
                Future<Integer> writer = pool.submit(() -> {
                    int n = 0;
                    for (int i = 0; i < 300; i++) {
                        Map<String, Object> added = sim.control().add("workspace-reservations", Map.of(
                                "userId", user.get("id"), "buildingId", building,
                                "startTime", today.plusDays(i % 3) + "T10:00:00Z",
                                "endTime", today.plusDays(i % 3) + "T12:00:00Z"));
                        if (i % 2 == 0) {
                            sim.control().delete("workspace-reservations", (String) added.get("id"));
                        }
                        n++;
                    }
                    return n;
                });
                assertThat(writer.get()).isEqualTo(300);
                stop.set(true);
                for (Future<Integer> f : readers) {
                    assertThat(f.get()).isPositive();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
