package org.sightline.api.catalogue;

import java.time.OffsetDateTime;
import java.util.List;
import org.sightline.domain.catalogue.RefreshSchedule;
import org.sightline.domain.time.Period;

/**
 * What the catalogue knows about one indicator, read for a page of indicators at once.
 *
 * @param areaTypes   codes of the area types its published releases exist at (see {@link ReleaseAreaTypes})
 * @param periods     periods with published data, oldest first
 * @param lastRelease when its latest published release was published; null before the first
 */
record CatalogueEntry(int indicatorDbId, String ownerCode, String ownerName, String contact, List<String> topics,
                      RefreshSchedule schedule, OffsetDateTime lastRelease, List<String> areaTypes, List<Period> periods) {
}
