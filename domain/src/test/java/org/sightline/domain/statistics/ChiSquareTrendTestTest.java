package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChiSquareTrendTestTest {

    /**
     * Source: R {@code stats::prop.trend.test} help-page example, smokers &lt;- c(83, 90, 129, 70), patients &lt;-
     * c(86, 93, 136, 82), scores 1..4; its printed output (quoted on R-help, "Chi-squared Test for Trend in
     * Proportions", R. Barradas, 8 Sep 2023): X-squared = 8.2249, df = 1, p-value = 0.004132.
     */
    @Test
    void matchesRPropTrendTestSmokersExample() {
        ChiSquareTestResult result = ChiSquareTrendTest.cochranArmitage(
            new long[] {83, 90, 129, 70}, new long[] {86, 93, 136, 82}, new double[] {1, 2, 3, 4});

        assertThat(result.statistic()).isCloseTo(8.2249, within(5e-5));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(0.004132, within(5e-7));
    }

    /**
     * Source: fingertips-open {@code TrendMarkerCalculatorTest.TestIsSignificantForProportionsReturnsTrue}: counts
     * 994, 1023, 1199, 1332, 1367 of 40299, 41527, 42811, 44064, 44701 (2014-2018) give a chi-square of 47.9
     * (rounded to 2 decimals).
     */
    @Test
    void matchesFingertipsUnitTestStatistic() {
        ChiSquareTestResult result = ChiSquareTrendTest.cochranArmitage(
            new long[] {994, 1023, 1199, 1332, 1367},
            new long[] {40299, 41527, 42811, 44064, 44701},
            new double[] {1, 2, 3, 4, 5});

        assertThat(result.statistic()).isCloseTo(47.90, within(0.005));
    }

    /** Equal proportions in every group have no trend: the numerator N sum r t - R sum n t is 0. */
    @Test
    void equalProportionsGiveZero() {
        ChiSquareTestResult result = ChiSquareTrendTest.cochranArmitage(
            new long[] {10, 20, 30}, new long[] {100, 200, 300}, new double[] {1, 2, 3});

        assertThat(result.statistic()).isCloseTo(0, within(1e-12));
        assertThat(result.pValue()).isCloseTo(1, within(1e-9));
    }

    @Test
    void noEventsGiveZeroRatherThanDivisionByZero() {
        ChiSquareTestResult result = ChiSquareTrendTest.cochranArmitage(
            new long[] {0, 0, 0}, new long[] {100, 200, 300}, new double[] {1, 2, 3});

        assertThat(result.statistic()).isZero();
        assertThat(result.pValue()).isEqualTo(1.0);
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> ChiSquareTrendTest.cochranArmitage(
            new long[] {1, 2}, new long[] {10, 0}, new double[] {1, 2}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquareTrendTest.cochranArmitage(
            new long[] {11, 2}, new long[] {10, 10}, new double[] {1, 2}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquareTrendTest.cochranArmitage(
            new long[] {1, 2}, new long[] {10, 10}, new double[] {1, 1}))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("scores");
        assertThatThrownBy(() -> ChiSquareTrendTest.cochranArmitage(
            new long[] {1}, new long[] {10}, new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChiSquareTrendTest.cochranArmitage(
            new long[] {1, 2}, new long[] {10, 10}, new double[] {1}))
            .isInstanceOf(IllegalArgumentException.class);
    }
}
