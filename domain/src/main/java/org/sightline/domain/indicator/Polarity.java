package org.sightline.domain.indicator;

/** Which direction of the indicator is good news, used to colour comparisons and rank need. */
public enum Polarity {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER,
    /** No value judgement: comparisons say HIGHER / SIMILAR / LOWER. */
    NO_JUDGEMENT
}
