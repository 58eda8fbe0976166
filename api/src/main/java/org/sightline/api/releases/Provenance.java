package org.sightline.api.releases;

/**
 * Where a release comes from, beyond who sent which file: how it was made, the data sharing
 * agreement it was shared under and, for a correction, the release it replaces and why.
 *
 * @param method           how the cells were produced, in words (e.g. "tidy CSV upload")
 * @param agreementCode    the agreement the data was shared under; null when none is named
 * @param correctsRelease  the release this one corrects; null when it is not a correction
 * @param correctionReason why the corrected release was wrong; required with {@code correctsRelease}
 */
public record Provenance(String method, String agreementCode, Long correctsRelease, String correctionReason) {

    /** A tidy CSV sent to the release endpoint with nothing more said. */
    public static final Provenance UPLOAD = new Provenance("tidy CSV upload", null, null, null);

    public Provenance {
        if (method == null || method.isBlank()) {
            throw new IllegalArgumentException("a release's method is required");
        }
    }

    public boolean isCorrection() {
        return correctsRelease != null;
    }
}
