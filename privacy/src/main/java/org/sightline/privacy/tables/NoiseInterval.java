package org.sightline.privacy.tables;

import org.sightline.domain.statistics.Distributions;

/**
 * A symmetric interval for the noise in a released value: {@code centre +/- z * sd}, with z the
 * standard normal quantile. The normal (not Student t) is right because the variance is known
 * exactly from the design, not estimated; the least-squares estimate is a linear combination of
 * many independent discrete Gaussians, close to normal. Around a released (clamped, rounded)
 * value it is approximate: integerisation moves a value by about a unit, more near zero.
 *
 * @param centre the value the interval is around
 * @param halfWidth non-negative
 */
public record NoiseInterval(double centre, double halfWidth) {

    public NoiseInterval {
        if (!(halfWidth >= 0) || Double.isInfinite(halfWidth) || !Double.isFinite(centre)) {
            throw new IllegalArgumentException("interval needs a finite centre and a finite non-negative half-width, was "
                    + centre + " +/- " + halfWidth);
        }
    }

    /**
     * The interval around {@code centre} at this confidence level.
     *
     * @throws IllegalArgumentException unless {@code 0 < confidenceLevel < 1} and sd is finite and non-negative
     */
    public static NoiseInterval around(double centre, double standardDeviation, double confidenceLevel) {
        return new NoiseInterval(centre, halfWidth(standardDeviation, confidenceLevel));
    }

    /** {@code z_{(1 + level) / 2} * sd}, e.g. 1.96 sd at 95%. */
    public static double halfWidth(double standardDeviation, double confidenceLevel) {
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be strictly between 0 and 1, was " + confidenceLevel);
        }
        if (!(standardDeviation >= 0) || Double.isInfinite(standardDeviation)) {
            throw new IllegalArgumentException("standard deviation must be finite and non-negative, was " + standardDeviation);
        }
        return Distributions.normalQuantile((1 + confidenceLevel) / 2) * standardDeviation;
    }

    public double lower() {
        return centre - halfWidth;
    }

    public double upper() {
        return centre + halfWidth;
    }

    public boolean contains(double value) {
        return value >= lower() && value <= upper();
    }
}
