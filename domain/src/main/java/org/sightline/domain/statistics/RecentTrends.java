package org.sightline.domain.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Recent-trend markers (increasing / decreasing / no significant change) over the five most recent periods, as
 * OHID Fingertips shows them.
 *
 * <p>Source: OHID Fingertips Public Health Technical Guidance "Fingertips trend markers" and its implementation
 * in fingertips-open {@code PholioVisualisation.Analysis.TrendMarkers.TrendMarkerCalculator}:
 * <ul>
 *   <li>At least five points are needed; the five most recent are used, at times t = 1..5 in period order (the
 *       gaps between periods are ignored, as Fingertips does; it only tests series with no breaks).</li>
 *   <li>Proportions: the chi-square test for trend ({@link ChiSquareTrendTest}, Cochran-Armitage) on the counts
 *       and denominators. Direction: the sign of the ordinary least-squares slope of logit(p) on t.</li>
 *   <li>Other indicators with 95% limits (crude and standardised rates, ratios, life expectancy, SII, means):
 *       least-squares regression of the value on t weighted by 1/se^2, with se = (upper95 - lower95) / 3.92
 *       exactly as Fingertips computes it (3.92 = 2 x 1.96, not 2 x 1.959964: the statistic scales with the
 *       square of this divisor, and Fingertips' own unit test expects 46.77, which only the 3.92 divisor
 *       reproduces); chi2 = slope^2 / var(slope). Direction: the sign of that slope.
 *       This is how Fingertips tests rates; it does not use a separate Poisson trend test.</li>
 *   <li>Significance: chi2 greater than the chi-square critical value on 1 degree of freedom at the chosen level,
 *       z^2; Fingertips uses 99.8% (9.5495).</li>
 *   <li>Outlier check: the slope is refitted with each point left out in turn; if any of these slopes has the
 *       opposite sign to the full slope (a zero slope counting as positive, as in Fingertips), the marker is
 *       NO_SIGNIFICANT_CHANGE even when the test is significant.</li>
 * </ul>
 * Deviation: when a proportion is exactly 0 or 1 the logit is infinite; the direction is then taken from the
 * empirical logits log((r + 0.5) / (n - r + 0.5)) of all five points (Fingertips does not define this case).
 * Note: in 2025 PHEindicatormethods {@code assign_trend_markers} moved proportions to a logistic-regression form
 * of the test; this class follows the chi-square test for trend that Fingertips documented and implemented.
 */
public final class RecentTrends {

    /** Fingertips tests the five most recent points. */
    public static final int POINTS_USED = 5;

    /** Fingertips derives a standard error from a 95% interval as its width divided by 3.92 (= 2 x 1.96). */
    private static final double FINGERTIPS_CI_WIDTH_IN_STANDARD_ERRORS = 3.92;

    private RecentTrends() {
    }

    /**
     * Fingertips trend marker for a proportion series at the 99.8% level.
     *
     * @param points at least five points with distinct periods, in any order
     * @return the assessment of the five most recent points
     */
    public static TrendAssessment forProportions(List<ProportionTrendPoint> points) {
        return forProportions(points, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
    }

    /**
     * Trend marker for a proportion series at the given level.
     *
     * @param points at least five points with distinct periods, in any order
     * @param level significance level of the test (Fingertips: 99.8%)
     * @return the assessment of the five most recent points
     * @throws IllegalArgumentException for fewer than five points or duplicate periods
     */
    public static TrendAssessment forProportions(List<ProportionTrendPoint> points, ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        List<ProportionTrendPoint> recent = mostRecent(points, ProportionTrendPoint::period);
        int k = recent.size();
        long[] events = new long[k];
        long[] totals = new long[k];
        double[] times = new double[k];
        boolean boundary = false;
        for (int i = 0; i < k; i++) {
            ProportionTrendPoint point = recent.get(i);
            events[i] = point.numerator();
            totals[i] = point.denominator();
            times[i] = i + 1;
            boundary |= point.numerator() == 0 || point.numerator() == point.denominator();
        }
        ChiSquareTestResult test = ChiSquareTrendTest.cochranArmitage(events, totals, times);

        double[] logits = new double[k];
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
            double r = events[i];
            double n = totals[i];
            logits[i] = boundary ? Math.log((r + 0.5) / (n - r + 0.5)) : Math.log(r / (n - r));
            weights[i] = 1;
        }
        return assess(test, times, logits, weights, level);
    }

    /**
     * Fingertips trend marker for a series of values with 95% limits at the 99.8% level.
     *
     * @param points at least five points with distinct periods, in any order
     * @return the assessment of the five most recent points
     */
    public static TrendAssessment forValues(List<ValueTrendPoint> points) {
        return forValues(points, ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
    }

    /**
     * Trend marker for a series of values with 95% limits at the given level (inverse-variance weighted
     * regression on time).
     *
     * @param points at least five points with distinct periods, in any order
     * @param level significance level of the test (Fingertips: 99.8%)
     * @return the assessment of the five most recent points
     * @throws IllegalArgumentException for fewer than five points or duplicate periods
     */
    public static TrendAssessment forValues(List<ValueTrendPoint> points, ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        List<ValueTrendPoint> recent = mostRecent(points, ValueTrendPoint::period);
        int k = recent.size();
        double[] times = new double[k];
        double[] values = new double[k];
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
            ValueTrendPoint point = recent.get(i);
            double standardError = (point.upper95() - point.lower95()) / FINGERTIPS_CI_WIDTH_IN_STANDARD_ERRORS;
            times[i] = i + 1;
            values[i] = point.value();
            weights[i] = 1 / (standardError * standardError);
        }
        WeightedLine line = WeightedLine.fit(times, values, weights, -1);
        double statistic = line.slope() * line.slope() / line.slopeVariance();
        return assess(ChiSquareTestResult.of(statistic, 1), times, values, weights, level);
    }

    private static TrendAssessment assess(ChiSquareTestResult test, double[] times, double[] values,
                                          double[] weights, ConfidenceLevel level) {
        double slope = WeightedLine.fit(times, values, weights, -1).slope();
        boolean outlier = false;
        for (int left = 0; left < times.length; left++) {
            double partial = WeightedLine.fit(times, values, weights, left).slope();
            if (signOf(partial) != signOf(slope)) {
                outlier = true;
                break;
            }
        }
        double critical = level.z() * level.z();
        TrendDirection direction = TrendDirection.NO_SIGNIFICANT_CHANGE;
        if (test.statistic() > critical && !outlier) {
            direction = slope > 0 ? TrendDirection.INCREASING : TrendDirection.DECREASING;
        }
        return new TrendAssessment(direction, test.statistic(), test.pValue(), slope, outlier, times.length, level);
    }

    /** Fingertips counts a negative slope as -1 and any other slope as +1. */
    private static int signOf(double slope) {
        return slope < 0 ? -1 : 1;
    }

    private static <T> List<T> mostRecent(List<T> points, Function<T, Integer> period) {
        Objects.requireNonNull(points, "points");
        if (points.size() < POINTS_USED) {
            throw new IllegalArgumentException(
                "a recent trend needs at least " + POINTS_USED + " points, got " + points.size());
        }
        Set<Integer> seen = new HashSet<>();
        for (T point : points) {
            Objects.requireNonNull(point, "point");
            if (!seen.add(period.apply(point))) {
                throw new IllegalArgumentException("periods must be distinct, " + period.apply(point) + " repeats");
            }
        }
        List<T> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(period));
        return sorted.subList(sorted.size() - POINTS_USED, sorted.size());
    }

    /** Weighted least-squares line, optionally leaving one point out. */
    private record WeightedLine(double slope, double slopeVariance) {

        static WeightedLine fit(double[] x, double[] y, double[] w, int leftOut) {
            double sw = 0;
            double swx = 0;
            double swy = 0;
            double swxx = 0;
            double swxy = 0;
            for (int i = 0; i < x.length; i++) {
                if (i == leftOut) {
                    continue;
                }
                sw += w[i];
                swx += w[i] * x[i];
                swy += w[i] * y[i];
                swxx += w[i] * x[i] * x[i];
                swxy += w[i] * x[i] * y[i];
            }
            double determinant = sw * swxx - swx * swx;
            return new WeightedLine((sw * swxy - swx * swy) / determinant, sw / determinant);
        }
    }
}
