package org.sightline.domain.statistics;

/** The method that produced the limits of an {@link IntervalEstimate}. */
public enum IntervalMethod {
    /** Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3). */
    WILSON_SCORE,
    /** Byar's approximation to the Poisson limits of a count (Breslow and Day 1987), used by PHE for counts of 10 or more. */
    BYAR,
    /** Exact Poisson limits via the chi-square distribution (Armitage and Berry 2002), used by PHE for counts below 10. */
    EXACT_POISSON,
    /** Percentiles of a Monte Carlo simulation (PHE slope index of inequality). */
    SIMULATION,
    /**
     * For a noisy released value: the sampling interval of the released numbers (exact Poisson,
     * Byar or Wilson, as for exact values), each side widened in quadrature by the normal interval
     * of the noise in the estimator that produced them (its standard deviation, carried through
     * the ratio by the delta method for rates).
     */
    SAMPLING_AND_NOISE
}
