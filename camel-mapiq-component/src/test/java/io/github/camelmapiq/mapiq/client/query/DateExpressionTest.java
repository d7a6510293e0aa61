package io.github.camelmapiq.mapiq.client.query;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DateExpressionTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "today|2026-03-10",
            "TODAY|2026-03-10",
            "  today  |2026-03-10",
            "today+6d|2026-03-16",
            "today + 6d|2026-03-16",
            "today-1d|2026-03-09",
            "today - 1 d|2026-03-09",
            "today+0d|2026-03-10",
            "today+30d|2026-04-09",
            "2026-03-01|2026-03-01",
            " 2026-03-01 |2026-03-01" })
    void evaluatesRelativeAndIsoForms(String text, LocalDate expected) {
        assertThat(DateExpression.parse("startDate", text).evaluate(TODAY)).isEqualTo(expected);
    }

    @Test
    void readsASpaceAsThePlusThatCamelUriDecodingTurnedIntoASpace() {
        assertThat(DateExpression.parse("endDate", "today 6d").evaluate(TODAY)).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void relativeExpressionsMoveWithTheDayTheyAreEvaluatedOn() {
        DateExpression expression = DateExpression.parse("startDate", "today-1d");
        assertThat(expression.isRelative()).isTrue();
        assertThat(expression.evaluate(LocalDate.of(2026, 1, 1))).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(DateExpression.parse("startDate", "2026-03-01").isRelative()).isFalse();
    }

    @Test
    void canonicalFormIsStable() {
        assertThat(DateExpression.parse("startDate", "today 6d")).hasToString("today+6d");
        assertThat(DateExpression.parse("startDate", "today - 2d")).hasToString("today-2d");
        assertThat(DateExpression.parse("startDate", " today ")).hasToString("today");
        assertThat(DateExpression.parse("startDate", "2026-03-01")).hasToString("2026-03-01");
    }

    @ParameterizedTest
    @ValueSource(strings = { "tomorrow", "today+6", "today+d", "today*6d", "2026-02-30", "01-03-2026", "2026/03/01",
                             "today+6w", "today+9999999d", " " })
    void rejectsOtherFormsNamingTheOptionAndTheAcceptedForms(String text) {
        assertThatThrownBy(() -> DateExpression.parse("endDate", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid endDate '" + text + "'")
                .hasMessageContaining("2026-03-01")
                .hasMessageContaining("today+6d")
                .hasMessageContaining("today%2B6d");
    }

    @Test
    void rejectsAMissingValue() {
        assertThatThrownBy(() -> DateExpression.parse("startDate", null))
                .hasMessageContaining("Invalid startDate");
    }
}
