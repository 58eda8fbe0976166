package org.sightline.client;

/** The Fingertips recent-trend marker over the five most recent points. A value a newer server adds reads as {@code null}. */
public enum TrendClassification {
    INCREASING_AND_GETTING_BETTER, INCREASING_AND_GETTING_WORSE, INCREASING, DECREASING_AND_GETTING_BETTER, DECREASING_AND_GETTING_WORSE, DECREASING, NO_SIGNIFICANT_CHANGE, CANNOT_BE_CALCULATED
}
