package org.sightline.domain.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.domain.indicator.Polarity;
import org.sightline.domain.statistics.ComparisonOutcome;

class QuintileComparisonTest {

    private static final List<Double> TEN_AREAS = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);

    @Test
    void whenLowerIsBetterTheLowestFifthIsQuintileOneAndBetter() {
        QuintileComparison comparison = over(TEN_AREAS, Polarity.LOWER_IS_BETTER);
        assertThat(TEN_AREAS).extracting(comparison::quintile).containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        assertThat(comparison.outcome(1.0)).isEqualTo(ComparisonOutcome.BETTER);
        assertThat(comparison.outcome(5.0)).isEqualTo(ComparisonOutcome.SIMILAR);
        assertThat(comparison.outcome(10.0)).isEqualTo(ComparisonOutcome.WORSE);
    }

    @Test
    void whenHigherIsBetterTheHighestFifthIsQuintileOneAndBetter() {
        QuintileComparison comparison = over(TEN_AREAS, Polarity.HIGHER_IS_BETTER);
        assertThat(comparison.quintile(10.0)).isEqualTo(1);
        assertThat(comparison.outcome(10.0)).isEqualTo(ComparisonOutcome.BETTER);
        assertThat(comparison.outcome(1.0)).isEqualTo(ComparisonOutcome.WORSE);
    }

    @Test
    void withoutJudgementQuintileOneIsTheHighestAndReadsHigher() {
        QuintileComparison comparison = over(TEN_AREAS, Polarity.NO_JUDGEMENT);
        assertThat(comparison.quintile(10.0)).isEqualTo(1);
        assertThat(comparison.outcome(10.0)).isEqualTo(ComparisonOutcome.HIGHER);
        assertThat(comparison.outcome(1.0)).isEqualTo(ComparisonOutcome.LOWER);
        assertThat(comparison.outcome(6.0)).isEqualTo(ComparisonOutcome.SIMILAR);
    }

    @Test
    void aWithheldValueIsNotComparedAndDoesNotCountAmongTheAreas() {
        QuintileComparison comparison = new QuintileComparison(Polarity.LOWER_IS_BETTER);
        TEN_AREAS.subList(0, 5).forEach(comparison::add);
        comparison.add(null);
        assertThat(comparison.quintile(null)).isNull();
        assertThat(comparison.outcome(null)).isEqualTo(ComparisonOutcome.NOT_COMPARED);
        assertThat(comparison.quintile(5.0)).as("five released values: the last is the fifth fifth").isEqualTo(5);
    }

    @Test
    void fewerThanFiveValuesHaveNoQuintiles() {
        QuintileComparison comparison = over(List.of(1.0, 2.0, 3.0, 4.0), Polarity.LOWER_IS_BETTER);
        assertThat(comparison.quintile(1.0)).isNull();
        assertThat(comparison.outcome(4.0)).isEqualTo(ComparisonOutcome.NOT_COMPARED);
    }

    private static QuintileComparison over(List<Double> values, Polarity polarity) {
        QuintileComparison comparison = new QuintileComparison(polarity);
        values.forEach(comparison::add);
        return comparison;
    }
}
