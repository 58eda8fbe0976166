package org.sightline.api.suppression;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.AREA_LINK;
import static org.sightline.db.Tables.OBSERVATION;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.GroupField;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.sightline.db.tables.Area;
import org.springframework.stereotype.Repository;

/**
 * The whole table a caller could assemble from separate questions about one indicator, release
 * and period: every area at the table's levels under one root area (a country), crossed with
 * every combination of characteristic values and totals, with every additivity between the cells.
 * Secondary suppression runs on this table rather than on the cells of one question, so the same
 * cell is withheld whichever question reaches it, and no published margin can be subtracted to
 * recover a withheld cell.
 */
@Repository
class MarginTables {

    /** {@code total} is the sum of {@code parts}. */
    record Relation(CellKey total, List<CellKey> parts) {
        Relation {
            parts = List.copyOf(parts);
        }
    }

    /** The cells with their true counts, the relations between them, and each area's type. */
    record MarginTable(Map<CellKey, Long> counts, List<Relation> relations, Map<Integer, String> areaTypes) {
    }

    private final DSLContext db;

    MarginTables(DSLContext db) {
        this.db = db;
    }

    /**
     * @param levels   the area types of the table
     * @param totalIds the id of the {@code total} value of each characteristic slot, in slot order
     */
    MarginTable load(int indicatorDbId, long releaseId, int periodId, int rootAreaId, Collection<String> levels,
                     List<Integer> totalIds) {
        Area target = AREA.as("target");
        var rootClosure = AREA_CLOSURE.as("rc");
        List<Field<Integer>> slots = new ArrayList<>();
        for (int i = 1; i <= totalIds.size(); i++) {
            slots.add(slot(i));
        }
        List<SelectField<?>> select = new ArrayList<>(List.of(target.ID, target.AREA_TYPE));
        select.addAll(slots);
        Field<BigDecimal> count = DSL.sum(OBSERVATION.COUNT).as("count");
        select.add(count);
        List<GroupField> groupBy = new ArrayList<>(List.of(target.ID, target.AREA_TYPE));
        if (!slots.isEmpty()) {
            groupBy.add(DSL.cube(slots.toArray(Field[]::new)));
        }
        Map<CellKey, Long> counts = new HashMap<>();
        Map<Integer, String> areaTypes = new HashMap<>();
        db.select(select)
                .from(OBSERVATION)
                .join(AREA_CLOSURE).on(AREA_CLOSURE.DESCENDANT_ID.eq(OBSERVATION.AREA_ID))
                .join(target).on(target.ID.eq(AREA_CLOSURE.ANCESTOR_ID))
                .join(rootClosure).on(rootClosure.DESCENDANT_ID.eq(target.ID).and(rootClosure.ANCESTOR_ID.eq(rootAreaId)))
                .where(OBSERVATION.INDICATOR_ID.eq(indicatorDbId))
                .and(OBSERVATION.RELEASE_ID.eq(releaseId))
                .and(OBSERVATION.PERIOD_ID.eq(periodId))
                .and(target.AREA_TYPE.in(levels))
                .groupBy(groupBy)
                .fetch()
                .forEach(r -> {
                    List<Integer> values = new ArrayList<>();
                    for (int slot = 0; slot < slots.size(); slot++) {
                        Integer id = r.get(slots.get(slot));
                        // In a CUBE a slot is NULL where it was summed over: the type's total.
                        values.add(id == null ? totalIds.get(slot) : id);
                    }
                    areaTypes.put(r.get(target.ID), r.get(target.AREA_TYPE));
                    counts.put(new CellKey(r.get(target.ID), values), r.get(count) == null ? 0 : r.get(count).longValueExact());
                });

        record Parent(String hierarchy, int areaId) {
        }
        Map<Parent, List<Integer>> childrenByParent = new LinkedHashMap<>();
        Area parent = AREA.as("parent");
        Area child = AREA.as("child");
        var parentClosure = AREA_CLOSURE.as("pc");
        db.select(AREA_LINK.HIERARCHY, parent.ID, child.ID)
                .from(AREA_LINK)
                .join(parent).on(parent.ID.eq(AREA_LINK.PARENT_ID))
                .join(child).on(child.ID.eq(AREA_LINK.CHILD_ID))
                .join(parentClosure).on(parentClosure.DESCENDANT_ID.eq(parent.ID).and(parentClosure.ANCESTOR_ID.eq(rootAreaId)))
                .where(parent.AREA_TYPE.in(levels)).and(child.AREA_TYPE.in(levels))
                .orderBy(AREA_LINK.HIERARCHY, parent.ID, child.ID)
                .forEach(r -> childrenByParent.computeIfAbsent(new Parent(r.value1(), r.value2()), k -> new ArrayList<>()).add(r.value3()));

        List<Relation> relations = new ArrayList<>();
        // Geography: an area is the sum of its children in each hierarchy, for every combination,
        // when they cover it (a parent with data outside its listed children is no such sum).
        List<List<Integer>> combinations = counts.keySet().stream().map(CellKey::valueIds).distinct().toList();
        childrenByParent.forEach((p, children) -> {
            for (List<Integer> combination : combinations) {
                CellKey total = new CellKey(p.areaId(), combination);
                List<CellKey> parts = children.stream().map(c -> new CellKey(c, combination)).filter(counts::containsKey).toList();
                if (counts.containsKey(total) && !parts.isEmpty()
                        && parts.stream().mapToLong(counts::get).sum() == counts.get(total)) {
                    relations.add(new Relation(total, parts));
                }
            }
        });
        // Characteristics: a total is the sum of the values of its type, all else fixed.
        for (int slot = 0; slot < totalIds.size(); slot++) {
            int totalId = totalIds.get(slot);
            Map<CellKey, List<CellKey>> membersOfTotal = new HashMap<>();
            for (CellKey key : counts.keySet()) {
                if (key.valueIds().get(slot) != totalId) {
                    membersOfTotal.computeIfAbsent(key.withValue(slot, totalId), k -> new ArrayList<>()).add(key);
                }
            }
            membersOfTotal.forEach((total, members) -> {
                if (counts.containsKey(total) && members.stream().mapToLong(counts::get).sum() == counts.get(total)) {
                    relations.add(new Relation(total, members));
                }
            });
        }
        return new MarginTable(counts, relations, areaTypes);
    }

    static Field<Integer> slot(int position) {
        return switch (position) {
            case 1 -> OBSERVATION.C1_VALUE_ID;
            case 2 -> OBSERVATION.C2_VALUE_ID;
            case 3 -> OBSERVATION.C3_VALUE_ID;
            case 4 -> OBSERVATION.C4_VALUE_ID;
            default -> throw new IllegalArgumentException("characteristic position " + position);
        };
    }
}
