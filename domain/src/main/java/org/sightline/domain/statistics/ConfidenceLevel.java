package org.sightline.domain.statistics;

/**
 * A two-sided confidence level, e.g. 0.95 for a 95% interval, with its standard normal critical value.
 *
 * <p>Public Health England / OHID Fingertips use 95% and 99.8% intervals (PHE Technical Guide: Confidence
 * intervals; PHEindicatormethods {@code confidence = c(0.95, 0.998)}). The critical value is
 * z = Phi^-1(1 - (1 - level) / 2), computed with {@link Distributions#normalQuantile(double)}: 1.959964 for 95%
 * and 3.090232 for 99.8%.
 *
 * @param level the coverage as a fraction, strictly between 0 and 1 (so 95, meaning percent, is rejected)
 */
public record ConfidenceLevel(double level) {

    /** 95% two-sided confidence, z = 1.959964. */
    public static final ConfidenceLevel NINETY_FIVE = new ConfidenceLevel(0.95);

    /** 99.8% two-sided confidence, z = 3.090232: the level Fingertips uses for its 99.8% limits and trend markers. */
    public static final ConfidenceLevel NINETY_NINE_POINT_EIGHT = new ConfidenceLevel(0.998);

    /**
     * @throws IllegalArgumentException if level is not strictly between 0 and 1
     */
    public ConfidenceLevel {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException(
                "confidence level must be a fraction strictly between 0 and 1 (e.g. 0.95), was " + level);
        }
    }

    /**
     * Creates a confidence level from a fraction such as 0.95.
     *
     * @param level the coverage, strictly between 0 and 1
     * @return the confidence level
     */
    public static ConfidenceLevel of(double level) {
        return new ConfidenceLevel(level);
    }

    /**
     * The two-sided standard normal critical value z with P(|Z| &lt;= z) = level.
     *
     * @return z, positive
     */
    public double z() {
        return Distributions.normalQuantile(upperTailProbabilityPoint());
    }

    /**
     * The probability of falling below the lower limit: (1 - level) / 2, e.g. 0.025 for 95%.
     *
     * @return alpha / 2
     */
    public double lowerTailProbability() {
        return (1 - level) / 2;
    }

    /**
     * The cumulative probability at the upper limit: 1 - (1 - level) / 2, e.g. 0.975 for 95%.
     *
     * @return 1 - alpha / 2
     */
    public double upperTailProbabilityPoint() {
        return 1 - (1 - level) / 2;
    }
}
