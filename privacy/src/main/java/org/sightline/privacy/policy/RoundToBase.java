package org.sightline.privacy.policy;

/**
 * Rounds released counts to the nearest multiple of a base (e.g. 5), each cell on its own:
 * rounded totals are not recomputed from rounded parts, so a total and its rounded parts need not
 * add up, which is what keeps rounding from being undone by subtraction of exact sums.
 */
public record RoundToBase(int base) {

    public RoundToBase {
        if (base < 1) {
            throw new IllegalArgumentException("rounding base must be at least 1, was " + base);
        }
    }

    /** The nearest multiple of the base (halves round up); null stays null. */
    public Long round(Long value) {
        if (value == null) {
            return null;
        }
        return Math.floorDiv(value + base / 2, base) * (long) base;
    }
}
