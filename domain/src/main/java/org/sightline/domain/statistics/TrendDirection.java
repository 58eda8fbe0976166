package org.sightline.domain.statistics;

/** A recent-trend marker, as shown by OHID Fingertips. */
public enum TrendDirection {
    /** Significant upward trend, with no single point reversing it. */
    INCREASING,
    /** Significant downward trend, with no single point reversing it. */
    DECREASING,
    /** No significant trend at the chosen level, or the trend depends on a single outlying point. */
    NO_SIGNIFICANT_CHANGE
}
