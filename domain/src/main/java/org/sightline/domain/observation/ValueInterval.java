package org.sightline.domain.observation;

import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.statistics.ConfidenceLevel;
import org.sightline.domain.statistics.CrudeRates;
import org.sightline.domain.statistics.IntervalEstimate;
import org.sightline.domain.statistics.IntervalMethod;
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

    /**
     * The interval of a noisy released value: the sampling interval of the released numbers with
     * each side widened in quadrature by the normal interval of the noise, so that it holds the
     * true value at about the nominal rate when the noise dominates, and is never narrower than
     * the exact-value interval. Null where {@link #of} is null.
     *
     * @param countNoiseSd       standard deviation of the noise in {@code count} (null or 0: none)
     * @param denominatorNoiseSd standard deviation of the noise in {@code denominator} (null or 0: none)
     */
    public static IntervalEstimate withNoise(MeasureType measureType, int multiplier, Long count, Long denominator,
                                             Double countNoiseSd, Double denominatorNoiseSd, ConfidenceLevel level) {
        IntervalEstimate sampling = of(measureType, multiplier, count, denominator, level);
        double countSd = countNoiseSd == null ? 0 : countNoiseSd;
        double denominatorSd = denominatorNoiseSd == null ? 0 : denominatorNoiseSd;
        if (sampling == null || countSd == 0 && denominatorSd == 0) {
            return sampling;
        }
        double z = level.z();
        double value = sampling.value();
        double noiseSd;
        if (measureType == MeasureType.ADDITIVE_COUNT) {
            noiseSd = countSd;
        } else {
            // Delta method for value = multiplier * count / denominator, with independent noise in each.
            double d = denominator;
            double c = count;
            noiseSd = multiplier * Math.sqrt(Math.pow(countSd / d, 2) + Math.pow(c * denominatorSd / (d * d), 2));
        }
        double noiseHalf = z * noiseSd;
        double lower = value - Math.hypot(value - sampling.lower(), noiseHalf);
        double upper = value + Math.hypot(sampling.upper() - value, noiseHalf);
        lower = Math.max(0, lower);
        if (measureType == MeasureType.RATIO && multiplier == 100 && count <= denominator) {
            upper = Math.min(100, upper);
        }
        return new IntervalEstimate(value, lower, upper, level, IntervalMethod.SAMPLING_AND_NOISE);
    }
}
