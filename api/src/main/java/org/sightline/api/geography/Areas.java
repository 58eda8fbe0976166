package org.sightline.api.geography;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.AREA_LINK;
import static org.sightline.db.Tables.AREA_TYPE;
import static org.sightline.db.Tables.HIERARCHY;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.sightline.api.database.Codes;
import org.jooq.impl.DSL;
import org.sightline.db.tables.Area;
import org.springframework.stereotype.Repository;

/** The areas, their links and the closure table in PostgreSQL. */
@Repository
public class Areas {

    /** An area as a file describes it. */
    public record NewArea(String code, String name, String type) {
    }

    /** A direct child-to-parent link in a named hierarchy, by area codes. */
    public record NewLink(String hierarchy, String childCode, String parentCode) {
    }

    private final DSLContext db;

    Areas(DSLContext db) {
        this.db = db;
    }

    Set<String> areaTypeCodes() {
        return new HashSet<>(db.select(AREA_TYPE.CODE).from(AREA_TYPE).fetch(AREA_TYPE.CODE));
    }

    Set<String> hierarchyCodes() {
        return new HashSet<>(db.select(HIERARCHY.CODE).from(HIERARCHY).fetch(HIERARCHY.CODE));
    }

    Map<String, NewArea> findByCodes(Collection<String> codes) {
        var wanted = Codes.table(codes, "wanted");
        return db.select(AREA.CODE, AREA.NAME, AREA.AREA_TYPE)
                .from(wanted)
                .join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .fetchMap(AREA.CODE, r -> new NewArea(r.value1(), r.value2(), r.value3()));
    }

    Map<String, String> namesOfType(String areaType) {
        return db.select(AREA.CODE, AREA.NAME).from(AREA).where(AREA.AREA_TYPE.eq(areaType)).fetchMap(AREA.CODE, AREA.NAME);
    }

    /**
     * For each of the codes that is a known area, the codes of every area it is inside (any
     * hierarchy, from the closure table; not itself), as modifiable sets.
     */
    Map<String, Set<String>> ancestorCodes(Collection<String> codes) {
        Area descendant = AREA.as("descendant");
        Area ancestor = AREA.as("ancestor");
        var wanted = Codes.table(codes, "wanted");
        Map<String, Set<String>> ancestors = new HashMap<>();
        db.select(descendant.CODE, ancestor.CODE)
                .from(wanted)
                .join(descendant).on(descendant.CODE.eq(Codes.code(wanted)))
                .join(AREA_CLOSURE).on(AREA_CLOSURE.DESCENDANT_ID.eq(descendant.ID).and(AREA_CLOSURE.DEPTH.gt((short) 0)))
                .join(ancestor).on(ancestor.ID.eq(AREA_CLOSURE.ANCESTOR_ID))
                .forEach(r -> ancestors.computeIfAbsent(r.value1(), c -> new HashSet<>()).add(r.value2()));
        return ancestors;
    }

    /** Existing links whose child is one of the codes. */
    List<NewLink> findLinks(Collection<String> childCodes) {
        Area child = AREA.as("child");
        Area parent = AREA.as("parent");
        var wanted = Codes.table(childCodes, "wanted");
        return db.select(AREA_LINK.HIERARCHY, child.CODE, parent.CODE)
                .from(wanted)
                .join(child).on(child.CODE.eq(Codes.code(wanted)))
                .join(AREA_LINK).on(AREA_LINK.CHILD_ID.eq(child.ID))
                .join(parent).on(parent.ID.eq(AREA_LINK.PARENT_ID))
                .fetch(r -> new NewLink(r.value1(), r.value2(), r.value3()));
    }

    void insertAreas(Collection<NewArea> areas) {
        if (areas.isEmpty()) {
            return;
        }
        for (List<NewArea> chunk : chunks(areas)) {
            var insert = db.insertInto(AREA, AREA.CODE, AREA.NAME, AREA.AREA_TYPE);
            for (NewArea area : chunk) {
                insert = insert.values(area.code(), area.name(), area.type());
            }
            insert.onConflictDoNothing().execute();
        }
    }

    void insertLinks(Collection<NewLink> links) {
        if (links.isEmpty()) {
            return;
        }
        Set<String> codes = links.stream().flatMap(l -> java.util.stream.Stream.of(l.childCode(), l.parentCode()))
                .collect(Collectors.toSet());
        var wanted = Codes.table(codes, "wanted");
        Map<String, Integer> ids = db.select(AREA.CODE, AREA.ID).from(wanted).join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .fetchMap(AREA.CODE, AREA.ID);
        for (List<NewLink> chunk : chunks(links)) {
            var insert = db.insertInto(AREA_LINK, AREA_LINK.HIERARCHY, AREA_LINK.CHILD_ID, AREA_LINK.PARENT_ID);
            for (NewLink link : chunk) {
                insert = insert.values(link.hierarchy(), ids.get(link.childCode()), ids.get(link.parentCode()));
            }
            insert.onConflictDoNothing().execute();
        }
    }

    /** PostgreSQL accepts at most 32,767 bind values per statement, so large inserts go in chunks. */
    private static <T> List<List<T>> chunks(Collection<T> items) {
        List<T> all = List.copyOf(items);
        int size = 5_000;
        List<List<T>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /**
     * Adds every missing (ancestor, descendant) pair implied by the links and by custom geographies'
     * members (so an area added inside a member later is inside the custom geography too), with
     * the shortest depth.
     * Links are never removed, so adding the missing pairs keeps the closure exact. The depth guard
     * stops a cycle (which the importer's one-parent-per-hierarchy rule makes unlikely) from
     * running forever.
     */
    void updateClosure() {
        db.execute("""
                INSERT INTO area_closure (ancestor_id, descendant_id, depth)
                WITH RECURSIVE paths (ancestor_id, descendant_id, depth) AS (
                    SELECT id, id, 0 FROM area
                    UNION
                    SELECT l.parent_id, p.descendant_id, p.depth + 1
                    FROM paths p JOIN (
                        SELECT child_id, parent_id FROM area_link
                        UNION ALL
                        SELECT member_area_id, custom_area_id FROM custom_geography_member
                    ) l ON l.child_id = p.ancestor_id
                    WHERE p.depth < 12
                )
                SELECT ancestor_id, descendant_id, min(depth) FROM paths GROUP BY ancestor_id, descendant_id
                ON CONFLICT (ancestor_id, descendant_id) DO NOTHING
                """);
    }
}
