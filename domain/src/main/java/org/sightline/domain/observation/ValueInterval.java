package org.sightline.domain.observation;

import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.statistics.ConfidenceLevel;
import org.sightline.domain.statistics.CrudeRates;
import org.sightline.domain.statistics.IntervalEstimate;
import org.sightline.domain.statistics.PoissonCountIntervals;
import org.sightline.domain.statistics.ProportionIntervals;

/**
 * The confidence interval of an indicator's value, computed from the (protected) numerator and
 * denominator with the public-health methods users know: counts by exact Poisson limits below 10
 * and Byar's method from 10; percentages (RATIO with multiplier 100 and numerator within the
 * denominator) by the Wilson score method; other rates by the count's interval over the
 * denominator. Null when the inputs are missing or the measure is not additive.
 */
public final class ValueInterval {

    private ValueInterval() {
    }

    public static IntervalEstimate of(MeasureType measureType, int multiplier, Long count, Long denominator, ConfidenceLevel level) {
        if (count == null) {
            return null;
        }
        return switch (measureType) {
            case ADDITIVE_COUNT -> PoissonCountIntervals.forCount(count, level);
            case RATIO -> {
                if (denominator == null || denominator <= 0) {
                    yield null;
                }
                yield multiplier == 100 && count <= denominator
                        ? ProportionIntervals.wilsonScore(count, denominator, level).scaledBy(100)
                        : CrudeRates.rate(count, denominator, multiplier, level);
            }
            case NON_ADDITIVE -> null;
        };
    }
}
