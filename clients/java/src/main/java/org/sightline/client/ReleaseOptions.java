package org.sightline.client;

/**
 * The provenance sent with a release (docs/releases.md): the data sharing agreement it is shared
 * under, the release it corrects and why, how the cells were made, and the file name to record.
 * Every part is optional.
 */
public record ReleaseOptions(String agreement, String corrects, String reason, String method, String fileName) {

    /** No provenance beyond the file itself. */
    public static ReleaseOptions none() {
        return new ReleaseOptions(null, null, null, null, null);
    }

    /** Shared under this data sharing agreement (its code; it must cover the indicator and be live). */
    public ReleaseOptions agreement(String code) {
        return new ReleaseOptions(code, corrects, reason, method, fileName);
    }

    /** Corrects this release (a current release of the same indicator), for this reason. */
    public ReleaseOptions corrects(String releaseId, String why) {
        return new ReleaseOptions(agreement, releaseId, why, method, fileName);
    }

    /** How the cells were made, in words (default "tidy CSV upload"). */
    public ReleaseOptions method(String how) {
        return new ReleaseOptions(agreement, corrects, reason, how, fileName);
    }

    /** The file name to record (default: the uploaded file's name). */
    public ReleaseOptions fileName(String name) {
        return new ReleaseOptions(agreement, corrects, reason, method, name);
    }
}
