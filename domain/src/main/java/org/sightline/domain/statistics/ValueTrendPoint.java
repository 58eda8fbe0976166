package org.sightline.domain.statistics;

/**
 * One period of a time series of values with 95% confidence limits (rates, ratios, life expectancy, SII, means).
 *
 * @param period the period's position in time (e.g. the year); periods order the points and must be distinct
 * @param value the indicator value
 * @param lower95 the 95% lower confidence limit
 * @param upper95 the 95% upper confidence limit, strictly above the lower limit
 */
public record ValueTrendPoint(int period, double value, double lower95, double upper95) {

    /**
     * @throws IllegalArgumentException if a number is not finite or the interval has no width
     */
    public ValueTrendPoint {
        if (!Double.isFinite(value) || !Double.isFinite(lower95) || !Double.isFinite(upper95)) {
            throw new IllegalArgumentException(
                "value and limits must be finite, were " + value + " [" + lower95 + ", " + upper95 + "]");
        }
        if (!(upper95 > lower95)) {
            throw new IllegalArgumentException(
                "the 95% interval must have positive width to weight the point, was [" + lower95 + ", " + upper95 + "]");
        }
    }
}
