package org.sightline.api.geography;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code area.composed_of} true: the coarsest of the nested levels ({@link #NESTED_LEVELS})
 * of which an area is exactly a union. This, not the declared type, is what the privacy engine
 * judges an area by: an "area" declared a combined authority around one LSOA is made of LSOAs and
 * is treated as one. Base areas are the areas with nothing inside them; an area is made of level L
 * when every base area inside it lies inside an area of level L that is itself inside the area.
 */
@Component
public class AreaGrains {

    /** The standard levels that nest inside one another, coarse to fine. */
    public static final List<String> NESTED_LEVELS = List.of("country", "region", "lad", "ward", "lsoa", "oa");

    private static final String GRAINS = """
            WITH leaf AS (
                SELECT a.id FROM area a
                WHERE NOT EXISTS (SELECT 1 FROM area_closure c WHERE c.ancestor_id = a.id AND c.depth > 0)),
            under AS (
                SELECT c.ancestor_id AS area_id, c.descendant_id AS leaf_id
                FROM area_closure c JOIN leaf ON leaf.id = c.descendant_id
                WHERE %1$s),
            leaves AS (SELECT area_id, count(*) AS n FROM under GROUP BY area_id),
            covered AS (
                SELECT u.area_id, b.area_type AS level, count(DISTINCT u.leaf_id) AS n
                FROM under u
                JOIN area_closure lb ON lb.descendant_id = u.leaf_id
                JOIN area b ON b.id = lb.ancestor_id AND b.area_type IN ('country', 'region', 'lad', 'ward', 'lsoa', 'oa')
                JOIN area_closure ab ON ab.ancestor_id = u.area_id AND ab.descendant_id = b.id
                GROUP BY u.area_id, b.area_type),
            grain AS (
                SELECT DISTINCT ON (l.area_id) l.area_id, c.level
                FROM leaves l JOIN covered c ON c.area_id = l.area_id AND c.n = l.n
                JOIN area_type t ON t.code = c.level
                ORDER BY l.area_id, t.granularity)
            UPDATE area SET composed_of = grain.level
            FROM (SELECT l.area_id, g.level FROM leaves l LEFT JOIN grain g ON g.area_id = l.area_id) grain
            WHERE area.id = grain.area_id AND area.composed_of IS DISTINCT FROM grain.level""";

    private final DSLContext db;

    AreaGrains(DSLContext db) {
        this.db = db;
    }

    /** Recomputes every area's grain, in the caller's transaction (after a geography import). */
    public void refreshAll() {
        db.execute(GRAINS.formatted("true"));
    }

    /** Recomputes one area's grain (a new custom geography: nothing else changes). */
    public void refresh(int areaId) {
        db.execute(GRAINS.formatted("c.ancestor_id = ?"), areaId);
    }
}
