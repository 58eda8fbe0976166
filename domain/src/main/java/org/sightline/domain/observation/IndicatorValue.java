package org.sightline.domain.observation;

import org.sightline.domain.indicator.MeasureType;

/**
 * Computes an indicator's value from (protected) numerator and denominator, so rates are always
 * recomputed from sums and never averaged.
 */
public final class IndicatorValue {

    private IndicatorValue() {
    }

    /**
     * @param storedValue the supplied value, used only for NON_ADDITIVE indicators
     * @return the value, or {@code null} when its inputs are missing (suppressed, or zero denominator)
     */
    public static Double of(MeasureType measureType, int multiplier, Long count, Long denominator, Double storedValue) {
        return switch (measureType) {
            case ADDITIVE_COUNT -> count == null ? null : count.doubleValue();
            case RATIO -> count == null || denominator == null || denominator == 0
                    ? null
                    : count.doubleValue() / denominator.doubleValue() * multiplier;
            case NON_ADDITIVE -> storedValue;
        };
    }
}
