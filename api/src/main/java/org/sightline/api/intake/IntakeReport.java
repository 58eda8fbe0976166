package org.sightline.api.intake;

import java.util.List;
import java.util.Map;

/**
 * What uploading a record file did. Counts, lines, fields and reasons only: never a postcode, a
 * date or any other value of a record.
 *
 * @param created              false when the identical file was accepted before (nothing changed)
 * @param rowsRead             records in the file
 * @param rowsAccepted         records counted
 * @param rowsRejected         records not counted, each listed (up to the first 1,000) in {@code rejections}
 * @param postcodesUnmatched   accepted-format postcodes the directory does not hold (those records are rejected)
 * @param postcodesTerminated  records whose postcode is terminated in the directory (counted, flagged)
 * @param unknownPercent       per characteristic type, the share of accepted records whose value is not stated / unknown
 * @param needsBeyondBound     need codes not counted because a record had more than the contribution bound
 * @param releases             the releases published, one per indicator
 */
public record IntakeReport(String intake, boolean created, String fileSha256, long rowsRead, long rowsAccepted, long rowsRejected,
                           List<RecordError> rejections, Lines postcodesUnmatched, Lines postcodesTerminated,
                           Map<String, Double> unknownPercent, long needsBeyondBound, int contributionBound,
                           List<String> ignoredColumns, List<PublishedRelease> releases) {

    /** A count and the lines it counts (up to the first 1,000). */
    public record Lines(long count, List<Long> lines) {
    }

    /** A release published from the file. */
    public record PublishedRelease(String indicator, long releaseId, int version, boolean created, List<String> periods) {
    }

    IntakeReport asExisting() {
        return new IntakeReport(intake, false, fileSha256, rowsRead, rowsAccepted, rowsRejected, rejections, postcodesUnmatched,
                postcodesTerminated, unknownPercent, needsBeyondBound, contributionBound, ignoredColumns,
                releases.stream().map(r -> new PublishedRelease(r.indicator(), r.releaseId(), r.version(), false, r.periods())).toList());
    }
}
