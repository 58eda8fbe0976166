package org.sightline.client;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The server's answer to a release upload: the release's id, version and periods, and whether this
 * upload created it ({@code created} false when the identical file had been released before: nothing changed).
 */
public record ReleaseReceipt(long releaseId, String indicator, int version, String status, boolean created, int rows,
                             String areaType, List<String> periods, String fileSha256, String uploadedBy,
                             OffsetDateTime publishedAt) {
}
