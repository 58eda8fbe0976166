package org.sightline.domain.statistics;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A slope index of inequality with its simulated confidence interval and the values of the two extreme groups.
 *
 * <p>Orientation: groups run from most deprived (relative rank 0) to least deprived (relative rank 1), so
 * {@code sii} = fitted value at rank 1 minus fitted value at rank 0 (PHEindicatormethods {@code phe_sii}). It is
 * positive when values rise from the most to the least deprived (e.g. life expectancy) and negative when they
 * fall (e.g. mortality rates). The extreme-group gaps use the same "least relative to most" orientation.
 *
 * @param sii the slope of the population-weighted regression of value on relative rank
 * @param lower lower confidence limit of the SII (simulation percentile)
 * @param upper upper confidence limit of the SII
 * @param level confidence level of the limits
 * @param repetitions number of simulations behind the limits
 * @param intercept fitted value at relative rank 0 (the most deprived end)
 * @param mostDeprivedValue observed value of the first (most deprived) group
 * @param leastDeprivedValue observed value of the last (least deprived) group
 */
public record SlopeIndexResult(double sii, double lower, double upper, ConfidenceLevel level, int repetitions,
                               double intercept, double mostDeprivedValue, double leastDeprivedValue) {

    /**
     * @throws IllegalArgumentException if a number is not finite, lower &gt; upper or repetitions is not positive
     */
    public SlopeIndexResult {
        Objects.requireNonNull(level, "level");
        for (double number : new double[] {sii, lower, upper, intercept, mostDeprivedValue, leastDeprivedValue}) {
            if (!Double.isFinite(number)) {
                throw new IllegalArgumentException("slope index result values must be finite");
            }
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower limit " + lower + " exceeds upper limit " + upper);
        }
        if (repetitions <= 0) {
            throw new IllegalArgumentException("repetitions must be positive, was " + repetitions);
        }
    }

    /**
     * The SII with its limits as an {@link IntervalEstimate} (method SIMULATION).
     *
     * @return the estimate
     */
    public IntervalEstimate asIntervalEstimate() {
        return new IntervalEstimate(sii, lower, upper, level, IntervalMethod.SIMULATION);
    }

    /**
     * Relative index of inequality as PHEindicatormethods defines it: fitted value at rank 1 divided by fitted
     * value at rank 0, (intercept + sii) / intercept. Empty when the intercept is 0.
     *
     * @return the RII, if defined
     */
    public OptionalDouble relativeIndexOfInequality() {
        return intercept == 0 ? OptionalDouble.empty() : OptionalDouble.of((intercept + sii) / intercept);
    }

    /**
     * Absolute gap between the extreme groups: least deprived value minus most deprived value.
     *
     * @return leastDeprivedValue - mostDeprivedValue
     */
    public double absoluteGap() {
        return leastDeprivedValue - mostDeprivedValue;
    }

    /**
     * Relative gap between the extreme groups: least deprived value divided by most deprived value (invert it
     * for "the most deprived have k times the rate of the least deprived"). Empty when the most deprived value is 0.
     *
     * @return leastDeprivedValue / mostDeprivedValue, if defined
     */
    public OptionalDouble relativeGap() {
        return mostDeprivedValue == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of(leastDeprivedValue / mostDeprivedValue);
    }
}
