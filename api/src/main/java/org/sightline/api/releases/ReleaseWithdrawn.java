package org.sightline.api.releases;

/**
 * A release was withdrawn, inside the transaction that withdraws it: the releases current for its
 * periods changed, so protection prepared per current release is brought up to date before the
 * transaction commits.
 */
public record ReleaseWithdrawn(int indicatorDbId, long releaseId) {
}
