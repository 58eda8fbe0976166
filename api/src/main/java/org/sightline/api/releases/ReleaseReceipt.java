package org.sightline.api.releases;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the caller learns about a release: its id, version and provenance, and whether this
 * upload created it ({@code created = false} when the identical file had been released before).
 */
public record ReleaseReceipt(
        long releaseId,
        String indicator,
        int version,
        String status,
        boolean created,
        int rows,
        String areaType,
        List<String> periods,
        String fileSha256,
        String uploadedBy,
        OffsetDateTime publishedAt) {

    ReleaseReceipt asExisting() {
        return new ReleaseReceipt(releaseId, indicator, version, status, false, rows, areaType, periods, fileSha256,
                uploadedBy, publishedAt);
    }
}
