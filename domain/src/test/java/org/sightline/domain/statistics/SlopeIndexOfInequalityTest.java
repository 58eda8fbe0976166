package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlopeIndexOfInequalityTest {

    /**
     * Source: PHEindicatormethods {@code phe_sii} documentation, "Calculation": "If quantile 1 then contains 12
     * percent of the total population, its relative rank is 0.12/2 = 0.06 [printed as 0.6]. If quantile 2 includes
     * 10 percent of the population, its relative rank is 0.12 + (0.10/2) = 0.17."
     */
    @Test
    void relativeRanksAreCumulativePopulationMidpoints() {
        double[] ranks = SlopeIndexOfInequality.relativeRanks(new double[] {12, 10, 78});

        assertThat(ranks[0]).isCloseTo(0.06, within(1e-12));
        assertThat(ranks[1]).isCloseTo(0.17, within(1e-12));
        assertThat(ranks[2]).isCloseTo(0.61, within(1e-12));
    }

    /**
     * Hand-computable case (population-weighted least squares, PHE/Low and Low 2004 definition): five equal
     * quintiles have ranks 0.1, 0.3, 0.5, 0.7, 0.9; values 50, 40, 30, 20, 10 fall by 10 per 0.2 of rank, so the
     * fitted line is exact with slope -50 (fitted 55 at rank 0 and 5 at rank 1).
     */
    @Test
    void exactlyLinearEqualQuintilesGiveTheirSlope() {
        List<InequalityGroup> groups = List.of(
            group(1000, 50), group(1000, 40), group(1000, 30), group(1000, 20), group(1000, 10));

        assertThat(SlopeIndexOfInequality.slope(groups)).isCloseTo(-50, within(1e-9));
    }

    /**
     * Hand-computed case with unequal populations 1000, 2000, 3000, 2000, 2000 (shares a = 0.1, 0.2, 0.3, 0.2,
     * 0.2) and values y = 10, 8, 7, 4, 2:
     * ranks x = 0.05, 0.20, 0.45, 0.70, 0.90; weighted means x = 0.5, y = 5.9;
     * sum a(x - 0.5)(y - 5.9) = -0.1845 - 0.126 - 0.0165 - 0.076 - 0.312 = -0.715;
     * sum a(x - 0.5)^2 = 0.02025 + 0.018 + 0.00075 + 0.008 + 0.032 = 0.079;
     * SII = -0.715 / 0.079 = -9.0506329; intercept = 5.9 + 9.0506329 x 0.5 = 10.4253165;
     * RII = (10.4253165 - 9.0506329) / 10.4253165 = 0.1318601.
     */
    @Test
    void unequalPopulationsMatchTheHandWorkedWeightedRegression() {
        List<InequalityGroup> groups = List.of(
            group(1000, 10), group(2000, 8), group(3000, 7), group(2000, 4), group(2000, 2));

        SlopeIndexResult result = SlopeIndexOfInequality.calculate(
            groups, IndicatorScale.NORMAL, ConfidenceLevel.NINETY_FIVE, 1000, new Random(1));

        assertThat(result.sii()).isCloseTo(-9.0506329, within(1e-7));
        assertThat(result.intercept()).isCloseTo(10.4253165, within(1e-7));
        assertThat(result.relativeIndexOfInequality()).hasValueCloseTo(0.1318601, within(1e-7));
        assertThat(SlopeIndexOfInequality.slope(groups)).isCloseTo(-9.0506329, within(1e-7));
    }

    /** With zero-width group intervals every simulated slope equals the SII, so both limits equal it. */
    @Test
    void zeroStandardErrorsCollapseTheSimulatedInterval() {
        List<InequalityGroup> groups = List.of(
            group(1000, 10), group(2000, 8), group(3000, 7), group(2000, 4), group(2000, 2));

        SlopeIndexResult result = SlopeIndexOfInequality.calculate(
            groups, IndicatorScale.RATE, ConfidenceLevel.NINETY_FIVE, 1000, new Random(7));

        assertThat(result.lower()).isCloseTo(-9.0506329, within(1e-7));
        assertThat(result.upper()).isCloseTo(-9.0506329, within(1e-7));
    }

    /**
     * Known answer from theory: on the NORMAL scale the simulated slope is sum c_i Y_i with independent normal
     * Y_i, so it is exactly normal with sd = sqrt(sum c_i^2 se_i^2), c_i = a_i (x_i - 0.5) / sum a (x - 0.5)^2.
     * Hand computation for the ten equal deciles below (ranks 0.05..0.95, x - 0.5 = -0.45..0.45, a = 0.1,
     * sum a (x - 0.5)^2 = 0.0825, every se = 1.0 from 95% limits value -/+ 1.959964):
     * sum c_i^2 = 0.01 x 0.825 / 0.0825^2 = 1.2121212, sd = 1.1009638; 95% limits = SII -/+ 1.959964 x 1.1009638
     * = SII -/+ 2.157850. With 100,000 simulations the percentile limits agree to within 0.03.
     */
    @Test
    void simulatedLimitsMatchTheAnalyticNormalLimits() {
        List<InequalityGroup> groups = new ArrayList<>();
        double z = ConfidenceLevel.NINETY_FIVE.z();
        double[] lifeExpectancy = {75.9, 78.3, 83.8, 83.6, 80.5, 81.1, 81.7, 84.2, 80.6, 86.3};
        for (double value : lifeExpectancy) {
            groups.add(new InequalityGroup(5000, value, value - z, value + z));
        }

        SlopeIndexResult result = SlopeIndexOfInequality.calculate(
            groups, IndicatorScale.NORMAL, ConfidenceLevel.NINETY_FIVE, new Random(20240501L));

        assertThat(result.repetitions()).isEqualTo(SlopeIndexOfInequality.DEFAULT_REPETITIONS);
        assertThat(result.lower()).isCloseTo(result.sii() - 2.157850, within(0.03));
        assertThat(result.upper()).isCloseTo(result.sii() + 2.157850, within(0.03));
    }

    @Test
    void sameSeedGivesTheSameLimits() {
        List<InequalityGroup> groups = List.of(
            new InequalityGroup(100, 0.30, 0.25, 0.35), new InequalityGroup(120, 0.25, 0.20, 0.31),
            new InequalityGroup(90, 0.22, 0.17, 0.28), new InequalityGroup(110, 0.18, 0.14, 0.23),
            new InequalityGroup(100, 0.12, 0.08, 0.17));

        SlopeIndexResult first = SlopeIndexOfInequality.calculate(
            groups, IndicatorScale.PROPORTION, ConfidenceLevel.NINETY_NINE_POINT_EIGHT, 5000, new Random(42));
        SlopeIndexResult second = SlopeIndexOfInequality.calculate(
            groups, IndicatorScale.PROPORTION, ConfidenceLevel.NINETY_NINE_POINT_EIGHT, 5000, new Random(42));

        assertThat(first).isEqualTo(second);
        assertThat(first.lower()).isLessThan(first.sii());
        assertThat(first.upper()).isGreaterThan(first.sii());
    }

    /** Extreme-group gaps (least deprived relative to most deprived): 2 - 10 = -8 and 2 / 10 = 0.2. */
    @Test
    void extremeGroupGaps() {
        List<InequalityGroup> groups = List.of(
            group(1000, 10), group(2000, 8), group(3000, 7), group(2000, 4), group(2000, 2));

        SlopeIndexResult result = SlopeIndexOfInequality.calculate(
            groups, IndicatorScale.NORMAL, ConfidenceLevel.NINETY_FIVE, 1000, new Random(3));

        assertThat(result.mostDeprivedValue()).isEqualTo(10);
        assertThat(result.leastDeprivedValue()).isEqualTo(2);
        assertThat(result.absoluteGap()).isCloseTo(-8, within(1e-12));
        assertThat(result.relativeGap()).hasValueCloseTo(0.2, within(1e-12));
        assertThat(result.asIntervalEstimate().method()).isEqualTo(IntervalMethod.SIMULATION);
    }

    @Test
    void relativeGapIsEmptyWhenTheMostDeprivedValueIsZero() {
        List<InequalityGroup> groups = List.of(group(10, 0), group(10, 1), group(10, 2));

        SlopeIndexResult result = SlopeIndexOfInequality.calculate(
            groups, IndicatorScale.NORMAL, ConfidenceLevel.NINETY_FIVE, 1000, new Random(3));

        assertThat(result.relativeGap()).isEmpty();
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> SlopeIndexOfInequality.slope(List.of(group(10, 1))))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least 2 groups");
        assertThatThrownBy(() -> group(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InequalityGroup(10, 1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        List<InequalityGroup> withZeroRate = List.of(group(10, 0), group(10, 1));
        assertThatThrownBy(() -> SlopeIndexOfInequality.calculate(
            withZeroRate, IndicatorScale.RATE, ConfidenceLevel.NINETY_FIVE, 1000, new Random(1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("RATE");
        List<InequalityGroup> valid = List.of(group(10, 1), group(10, 2));
        assertThatThrownBy(() -> SlopeIndexOfInequality.calculate(
            valid, IndicatorScale.NORMAL, ConfidenceLevel.NINETY_FIVE, 999, new Random(1)))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least 1000");
    }

    private static InequalityGroup group(double population, double value) {
        return new InequalityGroup(population, value, value, value);
    }
}
