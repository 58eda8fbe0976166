package org.sightline.domain.statistics;

import java.util.Objects;

/**
 * A point estimate with two-sided confidence limits on the same scale.
 *
 * @param value the point estimate
 * @param lower the lower confidence limit
 * @param upper the upper confidence limit, not below {@code lower}
 * @param level the confidence level of the limits
 * @param method how the limits were computed
 */
public record IntervalEstimate(double value, double lower, double upper, ConfidenceLevel level, IntervalMethod method) {

    /**
     * @throws IllegalArgumentException if any number is not finite or {@code lower > upper}
     * @throws NullPointerException if level or method is null
     */
    public IntervalEstimate {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(method, "method");
        if (!Double.isFinite(value) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException(
                "value and limits must be finite, were " + value + " [" + lower + ", " + upper + "]");
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower limit " + lower + " exceeds upper limit " + upper);
        }
    }

    /**
     * Multiplies the value and both limits by a positive factor, e.g. 100 to express a proportion as a percentage
     * or 100,000 to express a rate per 100,000.
     *
     * @param factor a positive finite multiplier
     * @return the scaled estimate
     */
    public IntervalEstimate scaledBy(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite, was " + factor);
        }
        return new IntervalEstimate(value * factor, lower * factor, upper * factor, level, method);
    }
}
