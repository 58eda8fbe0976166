package org.sightline.domain.statistics;

/** The result of comparing an area's value with a benchmark (see {@link BenchmarkComparison}). */
public enum ComparisonOutcome {
    /** Significantly better than the benchmark, given the indicator's polarity. */
    BETTER,
    /** The confidence interval includes the benchmark value. */
    SIMILAR,
    /** Significantly worse than the benchmark, given the indicator's polarity. */
    WORSE,
    /** Significantly higher than the benchmark, for an indicator with no judgement. */
    HIGHER,
    /** Significantly lower than the benchmark, for an indicator with no judgement. */
    LOWER,
    /** No comparison was possible: the confidence interval or the benchmark value is missing. */
    NOT_COMPARED
}
