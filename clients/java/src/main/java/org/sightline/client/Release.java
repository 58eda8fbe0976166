package org.sightline.client;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One release of an indicator with its provenance, as {@code releases(indicator:)} gives it.
 * {@code uploadedBy}, {@code cells} and {@code withdrawnBy} are null except for the owner's stewards and operators.
 */
public record Release(String id, String indicator, int version, ReleaseStatus status, List<String> periods, String areaType,
                      OffsetDateTime publishedAt, String organisation, String uploadedBy, Integer cells, String fileName,
                      String fileSha256, String method, String agreement, String corrects, String correctionReason,
                      OffsetDateTime supersededAt, OffsetDateTime withdrawnAt, String withdrawnBy, String withdrawalReason) {
}
