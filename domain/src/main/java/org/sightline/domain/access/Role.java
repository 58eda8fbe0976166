package org.sightline.domain.access;

/** What a caller's credentials entitle them to; with an indicator's disclosure class it selects the disclosure policy. */
public enum Role {
    /** Anyone, no credentials: published tables only, sensitive counts protected. */
    PUBLIC,
    /** Staff or systems of a partner organisation: protected tables at finer geography. */
    PARTNER,
    /** A named analyst whose organisation is party to an agreement covering the indicator. */
    ANALYST,
    /** The organisation that owns the data: exact values, audited. */
    STEWARD,
    /** Operators: configuration, no special data access. */
    ADMIN
}
