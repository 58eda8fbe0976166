package org.sightline.api.geography;

import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code area.composed_of} true: the coarsest of the nested levels ({@link #NESTED_LEVELS})
 * of which an area is exactly a union. This, not the declared type, is what the privacy engine
 * judges an area by: an "area" declared a combined authority around one LSOA is made of LSOAs and
 * is treated as one. Base areas are the areas with nothing inside them; an area is made of level L
 * when its base areas are exactly those of the areas of level L inside it. Areas of one level that
 * share a base area (an operator's "district" drawn around an LSOA of a real district) are not
 * trusted as building blocks of that level at all, so a label cannot make an area coarser than
 * what it holds.
 */
@Component
public class AreaGrains {

    /** The standard levels that nest inside one another, coarse to fine. */
    public static final List<String> NESTED_LEVELS = List.of("country", "region", "lad", "ward", "lsoa", "oa");

    private static final String GRAINS = """
            WITH leaf AS (
                SELECT a.id FROM area a WHERE NOT EXISTS (SELECT 1 FROM area_closure d WHERE d.ancestor_id = a.id AND d.depth > 0)),
            leaves AS (
                SELECT c.ancestor_id AS area_id, count(*) AS n
                FROM area_closure c JOIN leaf ON leaf.id = c.descendant_id
                GROUP BY c.ancestor_id),
            shared_leaf AS (
                SELECT c.descendant_id AS leaf_id, b.area_type
                FROM area_closure c JOIN leaf ON leaf.id = c.descendant_id JOIN area b ON b.id = c.ancestor_id
                WHERE b.area_type IN ('country', 'region', 'lad', 'ward', 'lsoa', 'oa')
                GROUP BY c.descendant_id, b.area_type HAVING count(*) > 1),
            overlapping AS (
                SELECT DISTINCT c.ancestor_id AS id
                FROM shared_leaf s JOIN area_closure c ON c.descendant_id = s.leaf_id
                JOIN area b ON b.id = c.ancestor_id AND b.area_type = s.area_type),
            building_block AS (
                SELECT a.id, a.area_type, l.n FROM area a JOIN leaves l ON l.area_id = a.id
                WHERE a.area_type IN ('country', 'region', 'lad', 'ward', 'lsoa', 'oa')
                  AND a.id NOT IN (SELECT id FROM overlapping)),
            covered AS (
                SELECT c.ancestor_id AS area_id, b.area_type AS level, sum(b.n) AS n
                FROM area_closure c JOIN building_block b ON b.id = c.descendant_id
                WHERE %1$s
                GROUP BY c.ancestor_id, b.area_type),
            grain AS (
                SELECT DISTINCT ON (l.area_id) l.area_id, c.level
                FROM leaves l JOIN covered c ON c.area_id = l.area_id AND c.n = l.n
                JOIN area_type t ON t.code = c.level
                ORDER BY l.area_id, t.granularity)
            UPDATE area SET composed_of = grain.level
            FROM (SELECT l.area_id, g.level FROM leaves l LEFT JOIN grain g ON g.area_id = l.area_id
                  WHERE %2$s) grain
            WHERE area.id = grain.area_id AND area.composed_of IS DISTINCT FROM grain.level""";

    private final DSLContext db;

    AreaGrains(DSLContext db) {
        this.db = db;
    }

    /** Recomputes every area's grain, in the caller's transaction (after a geography import). */
    public void refreshAll() {
        db.execute(GRAINS.formatted("true", "true"));
        bumpVersion();
    }

    /** Recomputes one area's grain (a new custom geography: nothing else changes). */
    public void refresh(int areaId) {
        db.execute(GRAINS.formatted("c.ancestor_id = ?", "l.area_id = ?"), areaId, areaId);
        bumpVersion();
    }

    /** Every geography change goes through here, so answers cached over the old geography are not reused. */
    private void bumpVersion() {
        db.execute("UPDATE geography_version SET version = version + 1 WHERE id = 1");
    }
}
