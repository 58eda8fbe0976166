package org.sightline.domain.statistics;

/**
 * One ordered population group (e.g. an IMD deprivation decile) used for the slope index of inequality.
 *
 * @param population the group's population (the denominator), positive
 * @param value the indicator value for the group
 * @param lower95 the group's 95% lower confidence limit, used to derive its standard error
 * @param upper95 the group's 95% upper confidence limit, not below {@code lower95}
 */
public record InequalityGroup(double population, double value, double lower95, double upper95) {

    /**
     * @throws IllegalArgumentException if the population is not positive and finite, a number is not finite,
     *     or lower95 &gt; upper95
     */
    public InequalityGroup {
        if (!(population > 0) || Double.isInfinite(population)) {
            throw new IllegalArgumentException("group population must be positive and finite, was " + population);
        }
        if (!Double.isFinite(value) || !Double.isFinite(lower95) || !Double.isFinite(upper95)) {
            throw new IllegalArgumentException(
                "group value and 95% limits must be finite, were " + value + " [" + lower95 + ", " + upper95 + "]");
        }
        if (lower95 > upper95) {
            throw new IllegalArgumentException("lower limit " + lower95 + " exceeds upper limit " + upper95);
        }
    }
}
