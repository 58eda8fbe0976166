package org.sightline.privacy.policy;

/** What happens to the values of a table before they leave the service. */
public enum Treatment {
    /** True values. */
    EXACT,
    /** Small counts withheld, plus the cells that would let them be recovered. */
    SUPPRESS,
    /** Suppression as for SUPPRESS, then every released count rounded to the configured base. */
    ROUND,
    /** Consistent differentially private noise, rounded, with small noisy values withheld. */
    NOISE,
    /** The question is refused. */
    FORBIDDEN
}
