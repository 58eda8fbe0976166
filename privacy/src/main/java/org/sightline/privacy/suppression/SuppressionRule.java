package org.sightline.privacy.suppression;

/**
 * Which counts are too small to publish: counts from 1 to {@code threshold - 1} always, and true
 * zeros only when {@code suppressZeros} is set (a zero is often safe to publish and useful to
 * know). The threshold is also the least that the hidden cells of a published total must add up
 * to, so that total minus published parts never pins the hidden cells to a small number.
 */
public record SuppressionRule(long threshold, boolean suppressZeros) {

    public SuppressionRule {
        if (threshold < 1) {
            throw new IllegalArgumentException("suppression threshold must be at least 1, was " + threshold);
        }
    }

    /** Suppresses counts 1 to {@code threshold - 1} and publishes true zeros. */
    public static SuppressionRule threshold(long threshold) {
        return new SuppressionRule(threshold, false);
    }

    /** The same threshold, with true zeros suppressed as well. */
    public SuppressionRule suppressingZeros() {
        return new SuppressionRule(threshold, true);
    }

    /** Whether a cell with this true count must be hidden for its own sake. */
    public boolean isPrimary(long count) {
        return count == 0 ? suppressZeros : count < threshold;
    }

    /** Why a primary cell is hidden, in words a person can read, e.g. "fewer than 5". */
    public String primaryExplanation() {
        return "fewer than " + threshold;
    }
}
