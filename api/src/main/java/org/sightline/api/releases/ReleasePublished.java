package org.sightline.api.releases;

/**
 * A release has just been published, inside the transaction that stores it. Listeners compute
 * what depends only on the release (the public's noisy tables, partners' suppression patterns) in
 * the same transaction, so a release is never visible without its protection.
 *
 * @param indicatorDbId the indicator's row id
 * @param releaseId     the new release's id
 */
public record ReleasePublished(int indicatorDbId, long releaseId) {
}
