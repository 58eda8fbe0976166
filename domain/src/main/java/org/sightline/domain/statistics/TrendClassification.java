package org.sightline.domain.statistics;

import org.sightline.domain.indicator.Polarity;

/**
 * The Fingertips recent-trend marker as users read it: the direction of a significant trend and,
 * when the indicator has a polarity, whether that direction is getting better or worse.
 */
public enum TrendClassification {
    INCREASING_AND_GETTING_BETTER("increasing and getting better"),
    INCREASING_AND_GETTING_WORSE("increasing and getting worse"),
    /** Increasing, for an indicator without a value judgement. */
    INCREASING("increasing"),
    DECREASING_AND_GETTING_BETTER("decreasing and getting better"),
    DECREASING_AND_GETTING_WORSE("decreasing and getting worse"),
    /** Decreasing, for an indicator without a value judgement. */
    DECREASING("decreasing"),
    NO_SIGNIFICANT_CHANGE("no significant change"),
    /** Too few recent points with released values and intervals to test for a trend. */
    CANNOT_BE_CALCULATED("cannot be calculated");

    private final String phrase;

    TrendClassification(String phrase) {
        this.phrase = phrase;
    }

    /** The marker for a trend direction read with the indicator's polarity. */
    public static TrendClassification of(TrendDirection direction, Polarity polarity) {
        return switch (direction) {
            case NO_SIGNIFICANT_CHANGE -> NO_SIGNIFICANT_CHANGE;
            case INCREASING -> switch (polarity) {
                case NO_JUDGEMENT -> INCREASING;
                case HIGHER_IS_BETTER -> INCREASING_AND_GETTING_BETTER;
                case LOWER_IS_BETTER -> INCREASING_AND_GETTING_WORSE;
            };
            case DECREASING -> switch (polarity) {
                case NO_JUDGEMENT -> DECREASING;
                case HIGHER_IS_BETTER -> DECREASING_AND_GETTING_WORSE;
                case LOWER_IS_BETTER -> DECREASING_AND_GETTING_BETTER;
            };
        };
    }

    /** The marker in words, as Fingertips shows it, e.g. "increasing and getting worse". */
    public String phrase() {
        return phrase;
    }
}
