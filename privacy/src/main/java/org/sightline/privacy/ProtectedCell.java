package org.sightline.privacy;

/** The numerator and denominator that may be released for a cell (null when withheld), and why. */
public record ProtectedCell(Long count, Long denominator, Disclosure disclosure) {
}
