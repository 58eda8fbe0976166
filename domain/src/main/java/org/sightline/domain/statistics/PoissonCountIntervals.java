package org.sightline.domain.statistics;

import java.util.Objects;

/**
 * Confidence intervals for an observed count of events assumed to follow a Poisson distribution.
 *
 * <p>Source: PHE Technical Guide "Confidence intervals" (Appendix 1 Byar's method, Appendix 2 chi-square exact
 * method); OHID Fingertips Public Health Technical Guidance, "Rates": counts of 10 or greater use Byar's method,
 * counts of less than 10 use the chi-square exact method. PHEindicatormethods {@code phe_rate} applies the same
 * rule ({@code if_else(x < 10, qchisq(...)/2, byars_...)}).
 */
public final class PoissonCountIntervals {

    /** Counts at or above this use Byar's method; below it the exact method (PHE / Fingertips rule). */
    public static final long BYAR_THRESHOLD = 10;

    private PoissonCountIntervals() {
    }

    /**
     * Limits for an observed count following the PHE rule: exact Poisson limits below {@value #BYAR_THRESHOLD},
     * Byar's method at {@value #BYAR_THRESHOLD} and above. A count of 0 has a lower limit of 0.
     *
     * @param observed the observed count, non-negative
     * @param level the confidence level
     * @return the count with its limits, in count units
     */
    public static IntervalEstimate forCount(long observed, ConfidenceLevel level) {
        return observed < BYAR_THRESHOLD ? exact(observed, level) : byar(observed, level);
    }

    /**
     * Byar's approximation (Breslow NE, Day NE. Statistical methods in cancer research, vol II, IARC 1987):
     * lower = O(1 - 1/(9O) - z/(3 sqrt O))^3, upper = (O + 1)(1 - 1/(9(O + 1)) + z/(3 sqrt(O + 1)))^3.
     * For O = 0 the lower limit is 0. The approximation is poor for very small counts (the lower limit can go
     * negative); negative lower limits are reported as 0. Prefer {@link #forCount(long, ConfidenceLevel)}.
     *
     * @param observed the observed count, non-negative
     * @param level the confidence level
     * @return the count with Byar's limits
     */
    public static IntervalEstimate byar(long observed, ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        requireNonNegative(observed);
        double o = observed;
        double z = level.z();
        double lower = 0;
        if (observed > 0) {
            double base = 1 - 1 / (9 * o) - z / (3 * Math.sqrt(o));
            lower = base > 0 ? o * base * base * base : 0;
        }
        double next = o + 1;
        double upperBase = 1 - 1 / (9 * next) + z / (3 * Math.sqrt(next));
        double upper = next * upperBase * upperBase * upperBase;
        return new IntervalEstimate(o, lower, upper, level, IntervalMethod.BYAR);
    }

    /**
     * Exact Poisson limits via the chi-square distribution (Armitage P, Berry G. Statistical methods in medical
     * research, 4th ed, 2002): lower = chi2(alpha/2; 2O)/2, upper = chi2(1 - alpha/2; 2O + 2)/2, where chi2(p; df)
     * is the chi-square quantile. For O = 0 the lower limit is 0.
     *
     * @param observed the observed count, non-negative
     * @param level the confidence level
     * @return the count with exact limits
     */
    public static IntervalEstimate exact(long observed, ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        requireNonNegative(observed);
        double o = observed;
        double lower = Distributions.chiSquareQuantile(level.lowerTailProbability(), 2 * o) / 2;
        double upper = Distributions.chiSquareQuantile(level.upperTailProbabilityPoint(), 2 * o + 2) / 2;
        return new IntervalEstimate(o, lower, upper, level, IntervalMethod.EXACT_POISSON);
    }

    private static void requireNonNegative(long observed) {
        if (observed < 0) {
            throw new IllegalArgumentException("observed count must be non-negative, was " + observed);
        }
    }
}
