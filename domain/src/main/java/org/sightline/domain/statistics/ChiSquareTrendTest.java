package org.sightline.domain.statistics;

import java.util.Objects;

/**
 * Chi-square test for (linear) trend in proportions across ordered groups: the Cochran-Armitage test.
 *
 * <p>Source: Armitage P, Berry G, Matthews JNS. Statistical methods in medical research (4th ed), section 15.7;
 * Altman DG. Practical statistics for medical research (1991), pp 261-265. With events r_i out of n_i at scores
 * t_i, N = sum n_i and R = sum r_i:
 * <pre>
 *   chi2 = N (N sum r_i t_i - R sum n_i t_i)^2 / ( R (N - R) (N sum n_i t_i^2 - (sum n_i t_i)^2) )
 * </pre>
 * on 1 degree of freedom. This is the statistic of R's {@code prop.trend.test} and the one OHID Fingertips computes
 * for its recent-trend markers on proportions (fingertips-open {@code TrendMarkerCalculator}), without the
 * N/(N - 1) factor some software applies.
 */
public final class ChiSquareTrendTest {

    private ChiSquareTrendTest() {
    }

    /**
     * Cochran-Armitage chi-square for trend.
     *
     * @param events events per group (r_i), each between 0 and the group total
     * @param totals group sizes (n_i), each positive
     * @param scores group scores (t_i), not all equal; e.g. 1, 2, 3, ...
     * @return the statistic on 1 degree of freedom with its p-value; a statistic of 0 (p = 1) when there are no
     *     events or only events, because the proportions then cannot vary
     * @throws IllegalArgumentException if arrays differ in length, have fewer than 2 groups, or hold invalid counts
     */
    public static ChiSquareTestResult cochranArmitage(long[] events, long[] totals, double[] scores) {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(totals, "totals");
        Objects.requireNonNull(scores, "scores");
        int k = events.length;
        if (totals.length != k || scores.length != k) {
            throw new IllegalArgumentException("events, totals and scores must have the same length");
        }
        if (k < 2) {
            throw new IllegalArgumentException("a test for trend needs at least 2 groups, got " + k);
        }
        double bigN = 0;
        double bigR = 0;
        double sumRT = 0;
        double sumNT = 0;
        double sumNTT = 0;
        for (int i = 0; i < k; i++) {
            if (totals[i] <= 0) {
                throw new IllegalArgumentException("group totals must be positive, was " + totals[i]);
            }
            if (events[i] < 0 || events[i] > totals[i]) {
                throw new IllegalArgumentException(
                    "events must be between 0 and the group total " + totals[i] + ", was " + events[i]);
            }
            if (!Double.isFinite(scores[i])) {
                throw new IllegalArgumentException("scores must be finite, was " + scores[i]);
            }
            double n = totals[i];
            double r = events[i];
            double t = scores[i];
            bigN += n;
            bigR += r;
            sumRT += r * t;
            sumNT += n * t;
            sumNTT += n * t * t;
        }
        double scoreSpread = bigN * sumNTT - sumNT * sumNT;
        if (!(scoreSpread > 0)) {
            throw new IllegalArgumentException("scores must not all be equal");
        }
        if (bigR == 0 || bigR == bigN) {
            return new ChiSquareTestResult(0, 1, 1);
        }
        double numeratorTerm = bigN * sumRT - bigR * sumNT;
        double statistic = bigN * numeratorTerm * numeratorTerm / (bigR * (bigN - bigR) * scoreSpread);
        return ChiSquareTestResult.of(statistic, 1);
    }
}
