package org.sightline.domain.indicator;

/** How an indicator's cells combine when rolled up to a coarser geography or characteristic total. */
public enum MeasureType {
    /** A count of people or events: counts add up. */
    ADDITIVE_COUNT,
    /** numerator / denominator x multiplier: numerators and denominators add up, the rate is recomputed. */
    RATIO,
    /** A score or rank that cannot be combined: only available at the grain it was supplied at. */
    NON_ADDITIVE;

    public boolean rollsUp() {
        return this != NON_ADDITIVE;
    }
}
