package io.github.camelmapiq.mapiq.consumer;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Mapiq answers at most 31 days per call; a 45-day window is two calls, every record of it delivered once. */
class LongWindowIsSplitIntoCallsOf31DaysTest extends ConsumerTestSupport {

    @Test
    void a45DayWindowIsTwoCallsAndEveryRecordArrivesOnce() throws Exception {
        String userId = id(addUser("Long"));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Set<String> expected = new HashSet<>();
        for (int day = -10; day < 35; day++) {
            Map<String, Object> workday = new LinkedHashMap<>();
            workday.put("userId", userId);
            workday.put("date", today.plusDays(day).toString());
            workday.put("status", "Remote");
            expected.add(id(control.add("workdays", workday)));
        }
        control.resetCounters();
        Recorder recorder = new Recorder();
        start("mapiq:workdays?startDate=today-10d&endDate=today+34d&timeZone=UTC&repeatCount=1&userId=" + userId
              + "&" + FAST, recorder);

        eventually().until(() -> recorder.exchanges.stream()
                .anyMatch(e -> Boolean.TRUE.equals(e.getProperty("CamelBatchComplete"))));
        assertThat(control.calls("GET", "/v2/workdays", 200)).isEqualTo(2);
        assertThat(control.calls("GET", "/v2/workdays", 400)).isZero();
        assertThat(recorder.ids()).hasSize(45).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(recorder.exchanges.get(44).getProperty("CamelBatchSize", Integer.class)).isEqualTo(45);
    }
}
