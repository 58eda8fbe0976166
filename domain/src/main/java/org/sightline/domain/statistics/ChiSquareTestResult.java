package org.sightline.domain.statistics;

/**
 * A chi-square test statistic with its degrees of freedom and upper-tail p-value.
 *
 * @param statistic the chi-square statistic, non-negative
 * @param degreesOfFreedom positive degrees of freedom
 * @param pValue P(chi-square &gt;= statistic), in [0, 1]
 */
public record ChiSquareTestResult(double statistic, int degreesOfFreedom, double pValue) {

    /**
     * @throws IllegalArgumentException for a negative or non-finite statistic, non-positive degrees of freedom or
     *     a p-value outside [0, 1]
     */
    public ChiSquareTestResult {
        if (!(statistic >= 0) || Double.isInfinite(statistic)) {
            throw new IllegalArgumentException("chi-square statistic must be non-negative and finite, was " + statistic);
        }
        if (degreesOfFreedom <= 0) {
            throw new IllegalArgumentException("degrees of freedom must be positive, was " + degreesOfFreedom);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be in [0, 1], was " + pValue);
        }
    }

    /**
     * Builds the result for a statistic on the given degrees of freedom, computing the p-value.
     *
     * @param statistic the chi-square statistic
     * @param degreesOfFreedom the degrees of freedom
     * @return the result
     */
    public static ChiSquareTestResult of(double statistic, int degreesOfFreedom) {
        return new ChiSquareTestResult(statistic, degreesOfFreedom,
            Distributions.chiSquareUpperTail(statistic, degreesOfFreedom));
    }
}
