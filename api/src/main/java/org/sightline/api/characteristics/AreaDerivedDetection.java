package org.sightline.api.characteristics;

import org.jooq.DSLContext;
import org.sightline.api.releases.ReleasePublished;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Marks characteristic types whose value is a function of the area, as a published release shows
 * them: every area of the release holds one value of the type, and the release holds at least two.
 * Broken down by such a type (an IMD decile), a ward splits into its LSOAs, so the privacy engine
 * judges those cells as the base areas they are made of. A mark is never removed: one release
 * showing it is enough for the values to be geography.
 */
@Component
class AreaDerivedDetection {

    private static final String DETECT = """
            UPDATE characteristic_type t SET area_derived = true
            FROM indicator_characteristic_type ict
            WHERE ict.indicator_id = ? AND ict.characteristic_type_id = t.id AND NOT t.area_derived
              AND (SELECT count(DISTINCT per_area.v) >= 2 AND bool_and(per_area.n = 1)
                   FROM (SELECT count(DISTINCT %1$s) AS n, min(%1$s) AS v FROM observation
                         WHERE release_id = ? GROUP BY area_id) per_area)
              AND ict.position = %2$d""";

    private final DSLContext db;

    AreaDerivedDetection(DSLContext db) {
        this.db = db;
    }

    /** Runs before the release's protection is computed, which reads the marks. */
    @EventListener
    @Order(0)
    void onPublished(ReleasePublished release) {
        int slots = db.fetchOne("SELECT count(*) FROM indicator_characteristic_type WHERE indicator_id = ?",
                release.indicatorDbId()).get(0, Integer.class);
        for (int position = 1; position <= slots; position++) {
            db.execute(DETECT.formatted("c" + position + "_value_id", position), release.indicatorDbId(), release.releaseId());
        }
    }
}
