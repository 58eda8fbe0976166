package org.sightline.domain.statistics;

import java.util.Objects;

/**
 * Compares an area's confidence interval with a benchmark value, as Fingertips does for its "compared with
 * benchmark" colours.
 *
 * <p>Source: OHID Fingertips, comparison method "confidence intervals overlapping reference value" (fingertips-open
 * {@code SingleOverlappingCIsComparer}): if the benchmark value lies within the area's confidence interval,
 * inclusive of the limits, the area is SIMILAR; otherwise the area is significantly higher (lower limit above the
 * benchmark) or lower (upper limit below it), which is BETTER or WORSE according to the polarity. The benchmark's
 * own confidence interval is not used. Use the 95% or the 99.8% interval of the area to get the corresponding
 * Fingertips significance level.
 */
public final class BenchmarkComparison {

    private BenchmarkComparison() {
    }

    /**
     * Classifies an area against a benchmark value.
     *
     * @param lower the area's lower confidence limit; null or NaN means missing
     * @param upper the area's upper confidence limit; null or NaN means missing
     * @param benchmark the benchmark value (e.g. the England value); null or NaN means missing
     * @param judgement the indicator's polarity
     * @return NOT_COMPARED when a limit or the benchmark is missing; SIMILAR when lower &lt;= benchmark &lt;= upper;
     *     otherwise BETTER/WORSE (or HIGHER/LOWER for {@link Judgement#NO_JUDGEMENT})
     * @throws IllegalArgumentException if both limits are present and lower &gt; upper
     */
    public static ComparisonOutcome compare(Double lower, Double upper, Double benchmark, Judgement judgement) {
        Objects.requireNonNull(judgement, "judgement");
        if (isMissing(lower) || isMissing(upper) || isMissing(benchmark)) {
            return ComparisonOutcome.NOT_COMPARED;
        }
        if (lower > upper) {
            throw new IllegalArgumentException("lower limit " + lower + " exceeds upper limit " + upper);
        }
        boolean higher;
        if (lower > benchmark) {
            higher = true;
        } else if (upper < benchmark) {
            higher = false;
        } else {
            return ComparisonOutcome.SIMILAR;
        }
        return switch (judgement) {
            case HIGHER_IS_BETTER -> higher ? ComparisonOutcome.BETTER : ComparisonOutcome.WORSE;
            case LOWER_IS_BETTER -> higher ? ComparisonOutcome.WORSE : ComparisonOutcome.BETTER;
            case NO_JUDGEMENT -> higher ? ComparisonOutcome.HIGHER : ComparisonOutcome.LOWER;
        };
    }

    /**
     * Classifies an estimate's interval against a benchmark value; a null estimate is NOT_COMPARED.
     *
     * @param estimate the area's estimate with limits, may be null
     * @param benchmark the benchmark value, may be null
     * @param judgement the indicator's polarity
     * @return the outcome, as {@link #compare(Double, Double, Double, Judgement)}
     */
    public static ComparisonOutcome compare(IntervalEstimate estimate, Double benchmark, Judgement judgement) {
        if (estimate == null) {
            Objects.requireNonNull(judgement, "judgement");
            return ComparisonOutcome.NOT_COMPARED;
        }
        return compare(estimate.lower(), estimate.upper(), benchmark, judgement);
    }

    private static boolean isMissing(Double value) {
        return value == null || value.isNaN();
    }
}
