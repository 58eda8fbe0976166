package org.sightline.domain.statistics;

/**
 * The polarity of an indicator: whether a higher value is better, lower is better, or no judgement is made
 * (Fingertips "RAG - high is good", "RAG - low is good" and "BOB - blue orange blue").
 */
public enum Judgement {
    /** A value significantly above the benchmark is BETTER. */
    HIGHER_IS_BETTER,
    /** A value significantly below the benchmark is BETTER. */
    LOWER_IS_BETTER,
    /** No value judgement: outcomes are HIGHER, SIMILAR or LOWER. */
    NO_JUDGEMENT
}
