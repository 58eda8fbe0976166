package org.sightline.client;

import java.util.List;
import java.util.Map;

/**
 * What uploading a record file did: records read, counted and rejected (each rejection with its line,
 * field and reason), postcodes the directory does not hold, and the releases published from the file.
 * {@code created} is false when the identical file had been accepted before.
 */
public record IntakeReport(String intake, boolean created, String fileSha256, long rowsRead, long rowsAccepted, long rowsRejected,
                           List<FileError> rejections, Lines postcodesUnmatched, Lines postcodesTerminated,
                           Map<String, Double> unknownPercent, long needsBeyondBound, int contributionBound,
                           List<String> ignoredColumns, List<PublishedRelease> releases) {

    /** A count and the lines it counts (the first 1,000). */
    public record Lines(long count, List<Long> lines) {
    }

    /** A release published from the file. */
    public record PublishedRelease(String indicator, long releaseId, int version, boolean created, List<String> periods) {
    }
}
