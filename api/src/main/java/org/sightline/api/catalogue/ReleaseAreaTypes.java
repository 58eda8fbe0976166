package org.sightline.api.catalogue;

import org.jooq.DSLContext;
import org.sightline.api.releases.ReleasePublished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code release_area_type} - the area types each release's data exists at: its stored type
 * and every type an area holding its cells rolls up to - for the catalogue and for the planner's
 * "exists at lad, region, country; not at lsoa". Written as a release is published, in its
 * transaction (before the data version moves on); geography imports rewrite every release's
 * ({@code refresh_release_area_types(NULL)} in {@link org.sightline.api.geography.AreaGrains}).
 */
@Component
class ReleaseAreaTypes {

    private final DSLContext db;

    ReleaseAreaTypes(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void onPublished(ReleasePublished release) {
        db.execute("SELECT refresh_release_area_types(?)", release.releaseId());
    }
}
