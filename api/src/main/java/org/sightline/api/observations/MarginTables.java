package org.sightline.api.observations;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.AREA_LINK;
import static org.sightline.db.Tables.OBSERVATION;
import static org.sightline.db.Tables.PERIOD;

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
import org.sightline.privacy.suppression.Relation;
import org.springframework.stereotype.Repository;

/**
 * The whole table a caller could assemble from separate questions about one indicator and
 * period(s): every area at every level the caller may see under one root area (e.g. the country),
 * crossed with every combination of characteristic values and totals. Secondary suppression runs
 * on this table rather than on the cells of one question, so the same cell is suppressed whichever
 * question reaches it, and no published margin can be subtracted to recover a withheld cell.
 */
@Repository
class MarginTables {

    /** The cells (key to true count) and the additive relations between them. */
    record MarginTable(Map<String, Long> counts, List<Relation> relations, Map<String, String> areaTypes) {

        /** The area type of a cell's area. */
        String areaTypeOf(String key) {
            return areaTypes.get(key.substring(0, key.indexOf('|')));
        }
    }

    private final DSLContext db;

    MarginTables(DSLContext db) {
        this.db = db;
    }

    /**
     * @param rootCode        the area whose subtree is the table's extent
     * @param areaTypes       the area types the caller may query (the table's geography levels)
     * @param slotCount       how many characteristic slots (c1..) the indicator uses
     * @param valueCodes      the codes of the indicator's characteristic values, by id
     * @param periodCodes     the periods of the question
     */
    MarginTable load(int indicatorDbId, String rootCode, Collection<String> areaTypes, int slotCount,
                     Map<Integer, String> valueCodes, Collection<String> periodCodes) {
        var current = CurrentReleases.of(indicatorDbId);
        var cr = current.asTable("cr");
        Area target = AREA.as("target");
        Area root = AREA.as("root");
        var rootClosure = AREA_CLOSURE.as("rc");
        List<Field<Integer>> slots = new ArrayList<>();
        for (int i = 1; i <= slotCount; i++) {
            slots.add(Observations.slot(i));
        }
        List<SelectField<?>> select = new ArrayList<>(List.of(target.CODE, target.AREA_TYPE, PERIOD.CODE));
        select.addAll(slots);
        Field<BigDecimal> count = DSL.sum(OBSERVATION.COUNT).as("count");
        select.add(count);
        List<GroupField> groupBy = new ArrayList<>(List.of(target.CODE, target.AREA_TYPE, PERIOD.CODE));
        if (!slots.isEmpty()) {
            groupBy.add(DSL.cube(slots.toArray(Field[]::new)));
        }
        Map<String, Long> counts = new HashMap<>();
        Map<String, String> areaTypeByCode = new HashMap<>();
        db.with(current)
                .select(select)
                .from(OBSERVATION)
                .join(cr).on(cr.field(CurrentReleases.RELEASE_ID, Long.class).eq(OBSERVATION.RELEASE_ID)
                        .and(cr.field(CurrentReleases.PERIOD_ID, Integer.class).eq(OBSERVATION.PERIOD_ID)))
                .join(PERIOD).on(PERIOD.ID.eq(OBSERVATION.PERIOD_ID))
                .join(AREA_CLOSURE).on(AREA_CLOSURE.DESCENDANT_ID.eq(OBSERVATION.AREA_ID))
                .join(target).on(target.ID.eq(AREA_CLOSURE.ANCESTOR_ID))
                .join(rootClosure).on(rootClosure.DESCENDANT_ID.eq(target.ID))
                .join(root).on(root.ID.eq(rootClosure.ANCESTOR_ID))
                .where(OBSERVATION.INDICATOR_ID.eq(indicatorDbId))
                .and(root.CODE.eq(rootCode))
                .and(target.AREA_TYPE.in(areaTypes))
                .and(PERIOD.CODE.in(periodCodes))
                .groupBy(groupBy)
                .fetch()
                .forEach(r -> {
                    List<String> values = new ArrayList<>();
                    for (Field<Integer> slot : slots) {
                        Integer id = r.get(slot);
                        values.add(id == null ? "total" : valueCodes.get(id));
                    }
                    areaTypeByCode.put(r.get(target.CODE), r.get(target.AREA_TYPE));
                    counts.put(key(r.get(target.CODE), r.get(PERIOD.CODE), values), r.get(count) == null ? 0 : r.get(count).longValueExact());
                });

        List<Relation> relations = new ArrayList<>();
        Map<String, List<String>> childrenByParent = new LinkedHashMap<>();
        Area parent = AREA.as("parent");
        Area child = AREA.as("child");
        var parentClosure = AREA_CLOSURE.as("pc");
        db.select(AREA_LINK.HIERARCHY, parent.CODE, child.CODE)
                .from(AREA_LINK)
                .join(parent).on(parent.ID.eq(AREA_LINK.PARENT_ID))
                .join(child).on(child.ID.eq(AREA_LINK.CHILD_ID))
                .join(parentClosure).on(parentClosure.DESCENDANT_ID.eq(parent.ID))
                .join(root).on(root.ID.eq(parentClosure.ANCESTOR_ID))
                .where(root.CODE.eq(rootCode))
                .and(parent.AREA_TYPE.in(areaTypes)).and(child.AREA_TYPE.in(areaTypes))
                .orderBy(AREA_LINK.HIERARCHY, parent.CODE, child.CODE)
                .forEach(r -> childrenByParent.computeIfAbsent(r.value1() + "|" + r.value2(), k -> new ArrayList<>()).add(r.value3()));
        // Geography: an area is the sum of its children in each hierarchy, for every period and combination.
        List<String> combinationKeys = counts.keySet().stream().map(k -> k.substring(k.indexOf('|') + 1)).distinct().toList();
        childrenByParent.forEach((hierarchyAndParent, children) -> {
            String parentCode = hierarchyAndParent.substring(hierarchyAndParent.indexOf('|') + 1);
            for (String combination : combinationKeys) {
                String total = parentCode + "|" + combination;
                List<String> parts = children.stream().map(c -> c + "|" + combination).filter(counts::containsKey).toList();
                if (counts.containsKey(total) && !parts.isEmpty()
                        && parts.stream().mapToLong(counts::get).sum() == counts.get(total)) {
                    relations.add(new Relation(total, parts));
                }
            }
        });
        // Characteristics: a total is the sum of the values of its type, all else fixed. Members are
        // grouped by their key with that slot set to "total", which is exactly the total's key.
        for (int slot = 0; slot < slotCount; slot++) {
            Map<String, List<String>> membersOfTotal = new HashMap<>();
            for (String key : counts.keySet()) {
                String[] parts = key.split("\\|", -1);
                if (!parts[2 + slot].equals("total")) {
                    parts[2 + slot] = "total";
                    membersOfTotal.computeIfAbsent(String.join("|", parts), k -> new ArrayList<>()).add(key);
                }
            }
            membersOfTotal.forEach((total, members) -> {
                if (counts.containsKey(total) && members.stream().mapToLong(counts::get).sum() == counts.get(total)) {
                    relations.add(new Relation(total, members.stream().sorted().toList()));
                }
            });
        }
        return new MarginTable(counts, relations, areaTypeByCode);
    }

    /** A cell's key: area code, period code, then one value code (or "total") per characteristic slot. */
    static String key(String areaCode, String periodCode, List<String> valueCodes) {
        return areaCode + "|" + periodCode + (valueCodes.isEmpty() ? "" : "|" + String.join("|", valueCodes));
    }
}
