package org.sightline.api.observations;

import static org.sightline.db.Tables.RELEASE;

import org.jooq.Condition;
import org.sightline.db.tables.Release;

/**
 * Which releases of an indicator a question reads: the current ones (status PUBLISHED; per period
 * the newest), or those as they stood once release {@code asOfRelease} (version {@code asOfVersion})
 * was published: PUBLISHED or SUPERSEDED up to that version. Withdrawn releases are never read.
 */
public record ReleaseSet(Long asOfRelease, Integer asOfVersion) {

    public static final ReleaseSet CURRENT = new ReleaseSet(null, null);

    public ReleaseSet {
        if ((asOfRelease == null) != (asOfVersion == null)) {
            throw new IllegalArgumentException("a release set as of a release needs its id and its version");
        }
    }

    public static ReleaseSet asOf(long releaseId, int version) {
        return new ReleaseSet(releaseId, version);
    }

    public boolean isCurrent() {
        return asOfVersion == null;
    }

    /** The condition on a {@code release} row (aliased or not) that it belongs to this set. */
    public Condition contains(Release release) {
        return isCurrent() ? release.STATUS.eq("PUBLISHED")
                : release.STATUS.in("PUBLISHED", "SUPERSEDED").and(release.VERSION.le(asOfVersion));
    }

    /** {@link #contains} as SQL text on the alias {@code r}, for statements written as text (the version is an integer, never caller text). */
    String containsSql(String alias) {
        return isCurrent() ? alias + ".status = 'PUBLISHED'"
                : alias + ".status IN ('PUBLISHED', 'SUPERSEDED') AND " + alias + ".version <= " + asOfVersion;
    }

    @Override
    public String toString() {
        return isCurrent() ? "current" : "as of release " + asOfRelease;
    }
}
