package org.sightline.domain.statistics;

import java.util.Objects;

/**
 * The outcome of a recent-trend test.
 *
 * @param direction the trend marker
 * @param chiSquare the chi-square statistic (1 degree of freedom) of the test for trend
 * @param pValue the statistic's upper-tail p-value
 * @param slope the fitted slope per period that gives the direction: of logit(proportion) for proportions, of the
 *     value for other indicators
 * @param outlierFound whether dropping a single point reverses the sign of the slope (Fingertips outlier check)
 * @param pointsUsed number of most recent points tested
 * @param level the significance level used (Fingertips: 99.8%)
 */
public record TrendAssessment(TrendDirection direction, double chiSquare, double pValue, double slope,
                              boolean outlierFound, int pointsUsed, ConfidenceLevel level) {

    /**
     * @throws IllegalArgumentException for an invalid statistic, p-value or point count
     */
    public TrendAssessment {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(level, "level");
        if (!(chiSquare >= 0) || Double.isInfinite(chiSquare)) {
            throw new IllegalArgumentException("chi-square must be non-negative and finite, was " + chiSquare);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be in [0, 1], was " + pValue);
        }
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("slope must be finite, was " + slope);
        }
        if (pointsUsed <= 0) {
            throw new IllegalArgumentException("points used must be positive, was " + pointsUsed);
        }
    }
}
