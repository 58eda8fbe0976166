package org.sightline.client;

/**
 * Whether a release is read: PUBLISHED (current for at least one period), SUPERSEDED (read only "as of"
 * an earlier release) or WITHDRAWN (never read). A value a newer server adds reads as {@code null}.
 */
public enum ReleaseStatus {
    PUBLISHED, SUPERSEDED, WITHDRAWN
}
