package org.sightline.api.geography;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.AREA_LINK;
import static org.sightline.db.Tables.AREA_TYPE;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.sightline.api.database.Codes;
import org.jooq.Field;
import org.jooq.Record;
import org.sightline.domain.observation.AreaRef;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The read side of geography: area types (fixed by the migrations, so read once), areas by code,
 * pages of areas, and parents and children for many areas at once (for GraphQL data loaders).
 */
@Component
public class AreaDirectory {

    /** An area type with its place from coarse (small granularity) to fine. */
    public record AreaTypeRow(String code, String name, int granularity) {
    }

    private final DSLContext db;
    private volatile Map<String, AreaTypeRow> types;

    AreaDirectory(DSLContext db) {
        this.db = db;
    }

    public List<AreaTypeRow> areaTypes() {
        return List.copyOf(types().values());
    }

    public boolean isAreaType(String code) {
        return types().containsKey(code);
    }

    public List<String> areaTypeCodes() {
        return List.copyOf(types().keySet());
    }

    public AreaTypeRow areaType(String code) {
        return types().get(code);
    }

    public java.util.Optional<AreaRef> find(String code) {
        return db.select(AREA.CODE, AREA.NAME, AREA.AREA_TYPE).from(AREA).where(AREA.CODE.eq(code))
                .fetchOptional(r -> new AreaRef(r.value1(), r.value2(), r.value3()));
    }

    /** A page of areas ordered by code, after {@code afterCode}, with the number of matching areas in all. */
    public Page page(String type, String within, String search, String afterCode, int limit) {
        Condition condition = DSL.noCondition();
        if (type != null) {
            condition = condition.and(AREA.AREA_TYPE.eq(type));
        }
        if (within != null) {
            var w = AREA.as("w");
            condition = condition.and(AREA.ID.in(DSL.select(AREA_CLOSURE.DESCENDANT_ID).from(AREA_CLOSURE)
                    .join(w).on(w.ID.eq(AREA_CLOSURE.ANCESTOR_ID))
                    .where(w.CODE.eq(within)).and(AREA_CLOSURE.DEPTH.gt((short) 0))));
        }
        if (search != null && !search.isBlank()) {
            condition = condition.and(DSL.lower(AREA.NAME).contains(search.strip().toLowerCase())
                    .or(AREA.CODE.eq(search.strip())));
        }
        Field<Integer> total = DSL.count().over().as("total");
        var matching = db.select(AREA.CODE, AREA.NAME, AREA.AREA_TYPE, total).from(AREA).where(condition).asTable("matching");
        Field<String> code = matching.field(AREA.CODE);
        List<? extends Record> rows = db.select(matching.fields()).from(matching)
                .where(afterCode == null ? DSL.noCondition() : code.gt(afterCode))
                .orderBy(code).limit(limit).fetch();
        int count = rows.isEmpty() ? countOf(condition) : rows.get(0).get(total.getName(), Integer.class);
        return new Page(rows.stream().map(r -> new AreaRef(r.get(AREA.CODE.getName(), String.class),
                r.get(AREA.NAME.getName(), String.class), r.get(AREA.AREA_TYPE.getName(), String.class))).toList(), count);
    }

    /**
     * Up to {@code limit} codes, in code order after {@code afterCode} (null: from the start), of the
     * areas an observation question with this {@code within} and {@code level} is about: every area
     * of type {@code level} inside {@code within} (the within area itself too, when it has that type),
     * or everywhere when within is null. Lets a big question be answered a page of areas at a time.
     */
    public List<String> codesAt(String level, String within, String afterCode, int limit) {
        Condition condition = at(level, within);
        if (afterCode != null) {
            condition = condition.and(AREA.CODE.gt(afterCode));
        }
        return db.select(AREA.CODE).from(AREA).where(condition).orderBy(AREA.CODE).limit(limit).fetch(AREA.CODE);
    }

    /** How many areas {@link #codesAt} lists in all. */
    public int countAt(String level, String within) {
        return countOf(at(level, within));
    }

    private static Condition at(String level, String within) {
        Condition condition = AREA.AREA_TYPE.eq(level);
        if (within != null) {
            // Depth 0 included, as the roll-up's own area condition includes it.
            var w = AREA.as("w");
            condition = condition.and(AREA.ID.in(DSL.select(AREA_CLOSURE.DESCENDANT_ID).from(AREA_CLOSURE)
                    .join(w).on(w.ID.eq(AREA_CLOSURE.ANCESTOR_ID))
                    .where(w.CODE.eq(within))));
        }
        return condition;
    }

    /** The areas among {@code codes} that exist, in code order. */
    public List<AreaRef> findAll(Collection<String> codes) {
        var wanted = Codes.table(codes, "wanted");
        return db.select(AREA.CODE, AREA.NAME, AREA.AREA_TYPE).from(wanted).join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .orderBy(AREA.CODE)
                .fetch(r -> new AreaRef(r.value1(), r.value2(), r.value3()));
    }

    /**
     * What an area is made of, as the privacy engine judges it: its declared type and the coarsest
     * nested level it is exactly a union of ({@code composedOf}, null when none).
     */
    public record AreaGrain(String code, String type, String composedOf) {
    }

    /** A page of areas and the number of areas matching in all. */
    public record Page(List<AreaRef> areas, int totalCount) {
    }

    private int countOf(Condition condition) {
        return db.fetchCount(AREA, condition);
    }

    /**
     * The nearest ancestor of {@code type} of each area; with no type, the direct parent
     * (administrative hierarchy preferred).
     */
    public Map<String, AreaRef> parents(Collection<String> codes, String type) {
        var child = AREA.as("child");
        var parent = AREA.as("parent");
        if (type == null) {
            return db.select(child.CODE, parent.CODE, parent.NAME, parent.AREA_TYPE)
                    .distinctOn(child.CODE)
                    .from(AREA_LINK)
                    .join(child).on(child.ID.eq(AREA_LINK.CHILD_ID))
                    .join(parent).on(parent.ID.eq(AREA_LINK.PARENT_ID))
                    .where(child.CODE.eq(DSL.any(codes.toArray(String[]::new))))
                    .orderBy(child.CODE, DSL.when(AREA_LINK.HIERARCHY.eq("admin"), 0).otherwise(1))
                    .fetchMap(r -> r.value1(), r -> new AreaRef(r.value2(), r.value3(), r.value4()));
        }
        return db.select(child.CODE, parent.CODE, parent.NAME, parent.AREA_TYPE)
                .distinctOn(child.CODE)
                .from(AREA_CLOSURE)
                .join(child).on(child.ID.eq(AREA_CLOSURE.DESCENDANT_ID))
                .join(parent).on(parent.ID.eq(AREA_CLOSURE.ANCESTOR_ID))
                .where(child.CODE.eq(DSL.any(codes.toArray(String[]::new))))
                .and(parent.AREA_TYPE.eq(type)).and(AREA_CLOSURE.DEPTH.gt((short) 0))
                .orderBy(child.CODE, AREA_CLOSURE.DEPTH)
                .fetchMap(r -> r.value1(), r -> new AreaRef(r.value2(), r.value3(), r.value4()));
    }

    /** Direct children of each area (all hierarchies); with a type, every descendant of that type. */
    public Map<String, List<AreaRef>> children(Collection<String> codes, String type) {
        var parent = AREA.as("parent");
        var child = AREA.as("child");
        Map<String, List<AreaRef>> result = new LinkedHashMap<>();
        codes.forEach(c -> result.put(c, new java.util.ArrayList<>()));
        var query = type == null
                ? db.selectDistinct(parent.CODE, child.CODE, child.NAME, child.AREA_TYPE)
                        .from(AREA_LINK)
                        .join(parent).on(parent.ID.eq(AREA_LINK.PARENT_ID))
                        .join(child).on(child.ID.eq(AREA_LINK.CHILD_ID))
                        .where(parent.CODE.eq(DSL.any(codes.toArray(String[]::new))))
                : db.selectDistinct(parent.CODE, child.CODE, child.NAME, child.AREA_TYPE)
                        .from(AREA_CLOSURE)
                        .join(parent).on(parent.ID.eq(AREA_CLOSURE.ANCESTOR_ID))
                        .join(child).on(child.ID.eq(AREA_CLOSURE.DESCENDANT_ID))
                        .where(parent.CODE.eq(DSL.any(codes.toArray(String[]::new))))
                        .and(child.AREA_TYPE.eq(type)).and(AREA_CLOSURE.DEPTH.gt((short) 0));
        query.orderBy(child.CODE).forEach(r -> result.get(r.value1()).add(new AreaRef(r.value2(), r.value3(), r.value4())));
        return result;
    }

    public List<String> existingCodes(Collection<String> codes) {
        var wanted = Codes.table(codes, "wanted");
        return db.select(AREA.CODE).from(wanted).join(AREA).on(AREA.CODE.eq(Codes.code(wanted))).fetch(AREA.CODE);
    }

    private Map<String, AreaTypeRow> types() {
        Map<String, AreaTypeRow> loaded = types;
        if (loaded == null) {
            loaded = new LinkedHashMap<>();
            for (var r : db.selectFrom(AREA_TYPE).orderBy(AREA_TYPE.GRANULARITY).fetch()) {
                loaded.put(r.getCode(), new AreaTypeRow(r.getCode(), r.getName(), r.getGranularity()));
            }
            types = loaded;
        }
        return loaded;
    }
}
