package org.sightline.domain.statistics;

import java.util.Objects;

/**
 * Crude rates per a multiplier (e.g. per 100,000 population) with confidence limits.
 *
 * <p>Source: OHID Fingertips Public Health Technical Guidance, "Rates": r = O / n, r_lower = O_lower / n,
 * r_upper = O_upper / n, with the count limits from {@link PoissonCountIntervals#forCount(long, ConfidenceLevel)}
 * (exact below 10, Byar's method from 10). Same as PHEindicatormethods {@code phe_rate}.
 */
public final class CrudeRates {

    private CrudeRates() {
    }

    /**
     * value = count / denominator * multiplier; limits = count limits / denominator * multiplier.
     *
     * @param count the observed number of events, non-negative
     * @param denominator the population (or person-years) at risk, positive and finite
     * @param multiplier the rate base, e.g. 100000 for "per 100,000"; positive and finite
     * @param level the confidence level
     * @return the rate with its limits; the method records whether exact or Byar's limits were used
     * @throws IllegalArgumentException for a negative count or a non-positive denominator or multiplier
     */
    public static IntervalEstimate rate(long count, double denominator, double multiplier, ConfidenceLevel level) {
        Objects.requireNonNull(level, "level");
        if (!(denominator > 0) || Double.isInfinite(denominator)) {
            throw new IllegalArgumentException(
                "denominator must be positive and finite to calculate a rate, was " + denominator);
        }
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be positive and finite, was " + multiplier);
        }
        IntervalEstimate countInterval = PoissonCountIntervals.forCount(count, level);
        return countInterval.scaledBy(multiplier / denominator);
    }
}
