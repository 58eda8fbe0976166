package org.sightline.domain.statistics;

/**
 * One period of a proportion time series.
 *
 * @param period the period's position in time (e.g. the year); periods order the points and must be distinct
 * @param numerator events in the period, between 0 and the denominator
 * @param denominator the period's population, positive
 */
public record ProportionTrendPoint(int period, long numerator, long denominator) {

    /**
     * @throws IllegalArgumentException for a non-positive denominator or a numerator outside [0, denominator]
     */
    public ProportionTrendPoint {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive, was " + denominator);
        }
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(
                "numerator must be between 0 and the denominator " + denominator + ", was " + numerator);
        }
    }
}
