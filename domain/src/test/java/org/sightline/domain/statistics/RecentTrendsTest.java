package org.sightline.domain.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentTrendsTest {

    /**
     * Source: fingertips-open {@code TrendMarkerCalculatorTest.TestIsSignificantForProportionsReturnsTrue}
     * (chi-square 47.9, significant) for the rising series 24.67%, 24.6%, 28%, 30.2%, 30.6% (2014-2018).
     */
    @Test
    void fingertipsProportionUnitTestIsSignificantAndIncreasing() {
        TrendAssessment trend = RecentTrends.forProportions(fingertipsProportionSet1());

        assertThat(trend.chiSquare()).isCloseTo(47.90, within(0.005));
        assertThat(trend.direction()).isEqualTo(TrendDirection.INCREASING);
        assertThat(trend.outlierFound()).isFalse();
        assertThat(trend.pointsUsed()).isEqualTo(5);
        assertThat(trend.level()).isEqualTo(ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
    }

    /**
     * Source: fingertips-open {@code TrendMarkerCalculatorTest.TestIsSignificantReturnsTrue}: the same series as
     * values with 95% limits (weighted regression method) gives chi-square 46.77, significant.
     */
    @Test
    void fingertipsValueUnitTestIsSignificantAndIncreasing() {
        List<ValueTrendPoint> points = List.of(
            new ValueTrendPoint(2018, 30.6, 28.98, 32.25),
            new ValueTrendPoint(2017, 30.2, 28.63, 31.9),
            new ValueTrendPoint(2016, 28, 26.44, 29.64),
            new ValueTrendPoint(2015, 24.6, 23.15, 26.19),
            new ValueTrendPoint(2014, 24.67, 23.16, 26.25));

        TrendAssessment trend = RecentTrends.forValues(points);

        assertThat(trend.chiSquare()).isCloseTo(46.77, within(0.005));
        assertThat(trend.direction()).isEqualTo(TrendDirection.INCREASING);
    }

    /** Source: fingertips-open {@code TrendMarkerCalculatorTest.TestIsSignificantReturnsFalse} (set 2). */
    @Test
    void fingertipsValueUnitTestWithoutTrendIsNoSignificantChange() {
        List<ValueTrendPoint> points = List.of(
            new ValueTrendPoint(2014, 20.5506, 18.1803, 23.1427),
            new ValueTrendPoint(2015, 19.5952, 17.3444, 22.0602),
            new ValueTrendPoint(2016, 19.0349, 16.8421, 21.4394),
            new ValueTrendPoint(2017, 21.3966, 19.0918, 23.8975),
            new ValueTrendPoint(2018, 18.4372, 16.2925, 20.7941));

        TrendAssessment trend = RecentTrends.forValues(points);

        assertThat(trend.chiSquare()).isLessThan(9.5495);
        assertThat(trend.direction()).isEqualTo(TrendDirection.NO_SIGNIFICANT_CHANGE);
    }

    /**
     * Source: FingertipsNext {@code TrendMarkerCalculatorTests.CheckDiabetesTrendMarkersAreCorrect}: indicator 241
     * "Diabetes: QOF prevalence", England 2020-2024, published marker "Increasing".
     */
    @Test
    void fingertipsDiabetesPrevalenceIsIncreasing() {
        List<ProportionTrendPoint> points = List.of(
            new ProportionTrendPoint(2024, 3938080, 51441896),
            new ProportionTrendPoint(2023, 3774801, 50649129),
            new ProportionTrendPoint(2022, 3625401, 49956777),
            new ProportionTrendPoint(2021, 3491868, 49122259),
            new ProportionTrendPoint(2020, 3455176, 48783947));

        assertThat(RecentTrends.forProportions(points).direction()).isEqualTo(TrendDirection.INCREASING);
    }

    /**
     * Source: FingertipsNext {@code TrendMarkerCalculatorTests.GenerateYorkshireMmrCoverageTrendMarkersAreCorrect}:
     * indicator 30309 MMR one dose at 2 years, Yorkshire and the Humber 2020-2024, published marker "Decreasing".
     */
    @Test
    void fingertipsYorkshireMmrCoverageIsDecreasing() {
        List<ProportionTrendPoint> points = List.of(
            new ProportionTrendPoint(2024, 53185, 59028),
            new ProportionTrendPoint(2023, 51767, 57508),
            new ProportionTrendPoint(2022, 53681, 59074),
            new ProportionTrendPoint(2021, 55865, 60511),
            new ProportionTrendPoint(2020, 57274, 61834));

        TrendAssessment trend = RecentTrends.forProportions(points);

        assertThat(trend.direction()).isEqualTo(TrendDirection.DECREASING);
        assertThat(trend.slope()).isNegative();
    }

    /**
     * Source: FingertipsNext {@code TrendMarkerCalculatorTests.DiabeticEyeDiseaseTrendMarkersAreCorrect}: indicator
     * 41203 "Preventable sight loss from diabetic eye disease" (a crude rate, tested by the weighted-regression
     * method), England 2020-2024, published marker "Increasing".
     */
    @Test
    void fingertipsDiabeticEyeDiseaseRateIsIncreasing() {
        List<ValueTrendPoint> points = List.of(
            new ValueTrendPoint(2024, 3.0121, 2.8616, 3.1683),
            new ValueTrendPoint(2023, 2.8701, 2.7225, 3.0237),
            new ValueTrendPoint(2022, 2.7567, 2.6113, 2.9082),
            new ValueTrendPoint(2021, 1.93028, 1.8085, 2.058),
            new ValueTrendPoint(2020, 2.935, 2.7841, 3.0919));

        assertThat(RecentTrends.forValues(points).direction()).isEqualTo(TrendDirection.INCREASING);
    }

    /**
     * Fingertips rule (significant when chi2 exceeds the 1-df critical value; 99.8% -> 9.5495, 95% -> 3.841): a
     * statistic between the two is significant at 95% but not at Fingertips' 99.8%. Hand-computed case: 100, 110, 120, 130, 140 events out of 1000 each. Cochran-Armitage with t = 1..5:
     * N = 5000, R = 600, sum r t = 1900, sum n t = 15000, sum n t^2 = 55000;
     * N sum r t - R sum n t = 9,500,000 - 9,000,000 = 500,000;
     * chi2 = 5000 x 500,000^2 / (600 x 4400 x (5000 x 55000 - 15000^2)) = 1.25e15 / (2.64e6 x 5e7) = 9.4697.
     */
    @Test
    void statisticBetweenTheCriticalValuesDependsOnTheLevel() {
        List<ProportionTrendPoint> points = List.of(
            new ProportionTrendPoint(1, 100, 1000), new ProportionTrendPoint(2, 110, 1000),
            new ProportionTrendPoint(3, 120, 1000), new ProportionTrendPoint(4, 130, 1000),
            new ProportionTrendPoint(5, 140, 1000));

        TrendAssessment fingertips = RecentTrends.forProportions(points);
        TrendAssessment at95 = RecentTrends.forProportions(points, ConfidenceLevel.NINETY_FIVE);

        assertThat(fingertips.chiSquare()).isCloseTo(9.4697, within(5e-5));
        assertThat(fingertips.direction()).isEqualTo(TrendDirection.NO_SIGNIFICANT_CHANGE);
        assertThat(at95.direction()).isEqualTo(TrendDirection.INCREASING);
    }

    /**
     * Fingertips outlier rule (fingertips-open {@code NoOutliersCheckForProportion}): 100, 99, 98, 97 then 200 per
     * 1000. The jump in the last year makes the full logit slope positive and the trend test significant, but
     * leaving out that year leaves a falling series (negative slope), so the marker is no significant change.
     */
    @Test
    void singlePointReversingTheSlopeIsAnOutlier() {
        List<ProportionTrendPoint> points = List.of(
            new ProportionTrendPoint(1, 100, 1000), new ProportionTrendPoint(2, 99, 1000),
            new ProportionTrendPoint(3, 98, 1000), new ProportionTrendPoint(4, 97, 1000),
            new ProportionTrendPoint(5, 200, 1000));

        TrendAssessment trend = RecentTrends.forProportions(points);

        assertThat(trend.chiSquare()).isGreaterThan(9.5495);
        assertThat(trend.slope()).isPositive();
        assertThat(trend.outlierFound()).isTrue();
        assertThat(trend.direction()).isEqualTo(TrendDirection.NO_SIGNIFICANT_CHANGE);
    }

    /** Fingertips uses the five most recent points: older points, in any order, do not change the result. */
    @Test
    void onlyTheFiveMostRecentPointsAreUsed() {
        List<ProportionTrendPoint> points = new ArrayList<>(fingertipsProportionSet1());
        points.add(0, new ProportionTrendPoint(2010, 40000, 40000));
        points.add(new ProportionTrendPoint(2012, 0, 40000));

        TrendAssessment trend = RecentTrends.forProportions(points);

        assertThat(trend.chiSquare()).isCloseTo(47.90, within(0.005));
        assertThat(trend.pointsUsed()).isEqualTo(5);
    }

    @Test
    void zeroNumeratorIsHandledWithoutInfiniteLogits() {
        List<ProportionTrendPoint> points = List.of(
            new ProportionTrendPoint(1, 0, 500), new ProportionTrendPoint(2, 5, 500),
            new ProportionTrendPoint(3, 10, 500), new ProportionTrendPoint(4, 20, 500),
            new ProportionTrendPoint(5, 30, 500));

        TrendAssessment trend = RecentTrends.forProportions(points);

        assertThat(trend.slope()).isPositive().isFinite();
        assertThat(trend.direction()).isEqualTo(TrendDirection.INCREASING);
    }

    @Test
    void fewerThanFivePointsOrDuplicatePeriodsAreRejected() {
        List<ProportionTrendPoint> four = fingertipsProportionSet1().subList(0, 4);
        assertThatThrownBy(() -> RecentTrends.forProportions(four))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("at least 5 points");
        List<ProportionTrendPoint> duplicated = new ArrayList<>(fingertipsProportionSet1());
        duplicated.set(0, new ProportionTrendPoint(2017, 1367, 44701));
        assertThatThrownBy(() -> RecentTrends.forProportions(duplicated))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("distinct");
        assertThatThrownBy(() -> new ValueTrendPoint(2020, 3.0, 3.0, 3.0))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProportionTrendPoint(2020, 5, 0))
            .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<ProportionTrendPoint> fingertipsProportionSet1() {
        return List.of(
            new ProportionTrendPoint(2018, 1367, 44701),
            new ProportionTrendPoint(2017, 1332, 44064),
            new ProportionTrendPoint(2016, 1199, 42811),
            new ProportionTrendPoint(2015, 1023, 41527),
            new ProportionTrendPoint(2014, 994, 40299));
    }
}
