package org.sightline.domain.statistics;

/**
 * The scale on which group values are sampled in the slope index of inequality simulation
 * (PHEindicatormethods {@code phe_sii} argument {@code value_type}).
 */
public enum IndicatorScale {
    /** Values are sampled as Normal(value, se) on their own scale, e.g. life expectancy (value_type 0). */
    NORMAL,
    /** Values are sampled on the log scale and back-transformed; values and limits must be positive (value_type 1). */
    RATE,
    /** Values are sampled on the logit scale and back-transformed; values and limits must be in (0, 1) (value_type 2). */
    PROPORTION
}
