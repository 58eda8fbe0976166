package org.sightline.privacy;

/**
 * The numerator and denominator that may be released for a cell (null when withheld), why, and -
 * for noisy values - the standard deviation of the noise in the estimator that produced each, so
 * that intervals can include it.
 *
 * @param countNoiseSd       standard deviation of the noise in {@code count}; null when exact or withheld
 * @param denominatorNoiseSd standard deviation of the noise in {@code denominator}; null when exact or withheld
 */
public record ProtectedCell(Long count, Long denominator, Disclosure disclosure, Double countNoiseSd, Double denominatorNoiseSd) {

    /** A cell whose released numbers carry no noise (exact, rounded or withheld). */
    public ProtectedCell(Long count, Long denominator, Disclosure disclosure) {
        this(count, denominator, disclosure, null, null);
    }
}
