package io.github.camelmapiq.mapiq.client.query;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateWindowTest {

    private static DateWindow window(String start, String end) {
        return new DateWindow(LocalDate.parse(start), LocalDate.parse(end));
    }

    @Test
    void aWindowOfAtMost31DaysIsOneCall() {
        assertThat(window("2026-03-01", "2026-03-31").chunks()).containsExactly(window("2026-03-01", "2026-03-31"));
        assertThat(window("2026-03-01", "2026-03-01").chunks()).containsExactly(window("2026-03-01", "2026-03-01"));
    }

    @Test
    void a45DayWindowIsSplitIntoTwoConsecutiveCallsCoveringEveryDayOnce() {
        List<DateWindow> chunks = window("2026-03-01", "2026-04-14").chunks();
        assertThat(chunks).containsExactly(window("2026-03-01", "2026-03-31"), window("2026-04-01", "2026-04-14"));
        assertThat(chunks.stream().mapToLong(DateWindow::days).sum()).isEqualTo(45);
    }

    @Test
    void a32DayWindowLeavesOneDayForTheSecondCall() {
        assertThat(window("2026-01-01", "2026-02-01").chunks())
                .containsExactly(window("2026-01-01", "2026-01-31"), window("2026-02-01", "2026-02-01"));
    }

    @Test
    void chunksCrossYearBoundaries() {
        List<DateWindow> chunks = window("2025-12-15", "2026-03-01").chunks();
        assertThat(chunks).allSatisfy(c -> assertThat(c.days()).isLessThanOrEqualTo(31));
        assertThat(chunks.get(0).start()).isEqualTo(LocalDate.parse("2025-12-15"));
        assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(LocalDate.parse("2026-03-01"));
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isEqualTo(chunks.get(i - 1).end().plusDays(1));
        }
    }

    @Test
    void endBeforeStartIsRejectedNamingBothOptions() {
        assertThatThrownBy(() -> window("2026-03-02", "2026-03-01"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endDate 2026-03-01 is before startDate 2026-03-02");
    }

    @Test
    void containsBothEnds() {
        DateWindow w = window("2026-03-01", "2026-03-03");
        assertThat(w.contains(LocalDate.parse("2026-03-01"))).isTrue();
        assertThat(w.contains(LocalDate.parse("2026-03-03"))).isTrue();
        assertThat(w.contains(LocalDate.parse("2026-03-04"))).isFalse();
        assertThat(w.contains(LocalDate.parse("2026-02-28"))).isFalse();
    }
}
