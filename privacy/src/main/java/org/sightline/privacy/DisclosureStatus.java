package org.sightline.privacy;

/** What happened to a value before it was released. */
public enum DisclosureStatus {
    /** The true value. */
    EXACT,
    /** The true value rounded to a base. */
    ROUNDED,
    /** The true value plus differentially private noise. */
    NOISED,
    /** Withheld. */
    SUPPRESSED
}
