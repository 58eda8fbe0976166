package org.sightline.domain.statistics;

import java.util.Objects;

/**
 * Confidence intervals for a proportion.
 *
 * <p>Source: PHE Technical Guide "Confidence intervals", Appendix 3 (Wilson score method), as implemented by
 * PHEindicatormethods {@code wilson_lower}/{@code wilson_upper}; method originally Wilson EB (1927) J Am Stat
 * Assoc 22:209-212; method 3 (score, no continuity correction) of Newcombe RG (1998) "Two-sided confidence
 * intervals for the single proportion: comparison of seven methods", Stat Med 17:857-872.
 */
public final class ProportionIntervals {

    private ProportionIntervals() {
    }

    /**
     * Wilson score interval for {@code numerator} events out of {@code denominator}:
     * (2x + z^2 -/+ z sqrt(z^2 + 4x(1 - x/n))) / (2(n + z^2)).
     *
     * <p>Limits are proportions in [0, 1]. A numerator of 0 gives a lower limit of exactly 0 and a numerator equal to
     * the denominator gives an upper limit of exactly 1.
     *
     * @param numerator number of events, 0 &lt;= numerator &lt;= denominator
     * @param denominator number of trials, at least 1
     * @param level the confidence level
     * @return the proportion numerator/denominator with its Wilson score limits
     * @throws IllegalArgumentException if the denominator is not positive or the numerator is outside [0, denominator]
     */
    public static IntervalEstimate wilsonScore(long numerator, long denominator, ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        if (denominator <= 0) {
            throw new IllegalArgumentException(
                "denominator must be positive to calculate a proportion, was " + denominator);
        }
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                "numerator must be between 0 and the denominator " + denominator + ", was " + numerator);
        }
        double x = numerator;
        double n = denominator;
        double z = level.z();
        double zSquared = z * z;
        double halfWidth = z * Math.sqrt(zSquared + 4 * x * (1 - x / n));
        double divisor = 2 * (n + zSquared);
        double lower = numerator == 0 ? 0 : (2 * x + zSquared - halfWidth) / divisor;
        double upper = numerator == denominator ? 1 : (2 * x + zSquared + halfWidth) / divisor;
        return new IntervalEstimate(x / n, lower, upper, level, IntervalMethod.WILSON_SCORE);
    }
}
