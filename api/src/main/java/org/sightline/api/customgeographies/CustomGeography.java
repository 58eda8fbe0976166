package org.sightline.api.customgeographies;

import java.time.OffsetDateTime;
import java.util.List;
import org.sightline.domain.observation.AreaRef;

/**
 * A defined custom geography.
 *
 * @param area              the custom area itself (type {@code custom}); its code is the geography's id
 * @param description       what the area is for, as its author wrote it (may be null)
 * @param memberType        the finest area type among the members: the privacy engine treats the
 *                          custom area like an area of that level
 * @param ownerOrganisation the name of the organisation whose caller defined it
 * @param createdAt         when it was defined
 * @param members           the standard areas it is made of, ordered by code
 */
public record CustomGeography(AreaRef area, String description, String memberType, String ownerOrganisation,
                              OffsetDateTime createdAt, List<AreaRef> members) {

    public String id() {
        return area.code();
    }
}
