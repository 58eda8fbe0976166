package org.sightline.api.gaps;

import java.time.OffsetDateTime;

/**
 * One entry of the gaps log.
 *
 * @param indicator          the indicator's id (slug), or null when the gap is not about one
 * @param characteristicType a characteristic type code, or null
 * @param areaType           an area type code, or null
 */
public record DataGap(int id, String indicator, String characteristicType, String areaType, String description, String raisedBy,
               String raisedByOrganisation, OffsetDateTime raisedAt, String status, String closedBy, OffsetDateTime closedAt,
               String resolution) {
}
