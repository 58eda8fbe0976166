package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Source for every expectation: OHID Fingertips comparison "confidence interval overlapping the reference value",
 * fingertips-open {@code SingleOverlappingCIsComparer} and {@code IndicatorComparer.AdjustForPolarity}: the
 * benchmark inside [lower, upper] (limits inclusive) is SIMILAR; outside, a value above the benchmark is Better for
 * "RAG - high is good" and Worse for "RAG - low is good"; "BOB" (no judgement) reports higher / lower.
 */
class BenchmarkComparisonTest {

    @ParameterizedTest(name = "[{0}, {1}] vs {2}, {3} -> {4}")
    @CsvSource({
        "12.0, 15.0, 10.0, HIGHER_IS_BETTER, BETTER",
        "12.0, 15.0, 10.0, LOWER_IS_BETTER,  WORSE",
        "12.0, 15.0, 10.0, NO_JUDGEMENT,     HIGHER",
        " 5.0,  8.0, 10.0, HIGHER_IS_BETTER, WORSE",
        " 5.0,  8.0, 10.0, LOWER_IS_BETTER,  BETTER",
        " 5.0,  8.0, 10.0, NO_JUDGEMENT,     LOWER",
        " 8.0, 12.0, 10.0, HIGHER_IS_BETTER, SIMILAR",
        " 8.0, 12.0, 10.0, LOWER_IS_BETTER,  SIMILAR",
        " 8.0, 12.0, 10.0, NO_JUDGEMENT,     SIMILAR"
    })
    void classifiesByWhetherTheIntervalContainsTheBenchmark(double lower, double upper, double benchmark,
                                                            Judgement judgement, ComparisonOutcome expected) {
        assertThat(BenchmarkComparison.compare(lower, upper, benchmark, judgement)).isEqualTo(expected);
    }

    /** Fingertips: val &lt;= UpperCI &amp;&amp; val &gt;= LowerCI is Same, so a limit touching the benchmark is SIMILAR. */
    @Test
    void limitEqualToTheBenchmarkIsSimilar() {
        assertThat(BenchmarkComparison.compare(10.0, 15.0, 10.0, Judgement.HIGHER_IS_BETTER))
            .isEqualTo(ComparisonOutcome.SIMILAR);
        assertThat(BenchmarkComparison.compare(5.0, 10.0, 10.0, Judgement.LOWER_IS_BETTER))
            .isEqualTo(ComparisonOutcome.SIMILAR);
    }

    @Test
    void missingIntervalOrBenchmarkIsNotCompared() {
        assertThat(BenchmarkComparison.compare(null, 15.0, 10.0, Judgement.HIGHER_IS_BETTER))
            .isEqualTo(ComparisonOutcome.NOT_COMPARED);
        assertThat(BenchmarkComparison.compare(12.0, Double.NaN, 10.0, Judgement.HIGHER_IS_BETTER))
            .isEqualTo(ComparisonOutcome.NOT_COMPARED);
        assertThat(BenchmarkComparison.compare(12.0, 15.0, null, Judgement.NO_JUDGEMENT))
            .isEqualTo(ComparisonOutcome.NOT_COMPARED);
        assertThat(BenchmarkComparison.compare((IntervalEstimate) null, 10.0, Judgement.NO_JUDGEMENT))
            .isEqualTo(ComparisonOutcome.NOT_COMPARED);
    }

    /**
     * Worked example combining two sources: 81/263 has Wilson 95% limits 0.2553 to 0.3662 (Newcombe 1998, Table
     * II), so against a benchmark of 0.40 it is significantly lower, and against 0.30 it is similar.
     */
    @Test
    void comparesAWilsonIntervalWithABenchmark() {
        IntervalEstimate proportion = ProportionIntervals.wilsonScore(81, 263, ConfidenceLevel.NINETY_FIVE);

        assertThat(BenchmarkComparison.compare(proportion, 0.40, Judgement.HIGHER_IS_BETTER))
            .isEqualTo(ComparisonOutcome.WORSE);
        assertThat(BenchmarkComparison.compare(proportion, 0.30, Judgement.HIGHER_IS_BETTER))
            .isEqualTo(ComparisonOutcome.SIMILAR);
    }

    @Test
    void invertedIntervalIsRejected() {
        assertThatThrownBy(() -> BenchmarkComparison.compare(15.0, 12.0, 10.0, Judgement.NO_JUDGEMENT))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
