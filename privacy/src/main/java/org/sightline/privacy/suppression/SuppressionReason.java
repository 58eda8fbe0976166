package org.sightline.privacy.suppression;

/**
 * Why a cell was suppressed.
 *
 * <p>Keep this distinction away from anyone who may not see true values. Saying a cell is PRIMARY
 * says its count is below the threshold, and saying it is SECONDARY says (almost always) that its
 * count is at or above it; an attacker can add those bounds to the published totals and pin cells
 * that the totals alone leave open. Published tables should show one status for both, as the
 * "c" or "*" of official statistics does.
 */
public enum SuppressionReason {
    /** The cell's own count is too small to publish. */
    PRIMARY,
    /** The cell is hidden so that another hidden cell cannot be worked out from a total. */
    SECONDARY
}
