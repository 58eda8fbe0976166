package org.sightline.api.suppression;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.AREA_LINK;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.OBSERVATION;
import static org.sightline.db.Tables.PERIOD;
import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.SUPPRESSED_CELL;
import static org.sightline.db.Tables.SUPPRESSION_PATTERN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep7;
import org.jooq.impl.DSL;
import org.sightline.api.database.Codes;
import org.sightline.api.observations.CurrentReleases;
import org.sightline.db.tables.records.SuppressedCellRecord;
import org.sightline.privacy.suppression.SuppressionReason;
import org.springframework.stereotype.Repository;

/** Reads and writes the stored suppression patterns (V6) and what deciding them needs. */
@Repository
class StoredPatterns {

    /** Where one table is solved: a current release, one of its periods, and a country. */
    record Slot(long releaseId, int periodId, int rootAreaId) {
    }

    /** A slot to solve, with the grain its release was stored at. */
    record Target(Slot slot, String releaseGrain) {
    }

    /** A stored pattern's header. */
    record Pattern(long id, Slot slot, String periodCode, String finestLevel, String geographyStamp, String withheldWholeFrom) {
    }

    /** An area of a question: its id, type and the country it lies in (null when it lies in none). */
    record AreaInCountry(int id, String type, Integer countryId) {
    }

    /** A withheld cell of a pattern. */
    record Withheld(long patternId, CellKey cell) {
    }

    /** Serialises solving one indicator's patterns across transactions and instances. */
    private static final int LOCK_NAMESPACE = 0x53505054; // "SPPT"
    private static final int INSERT_CHUNK = 2_000;

    private final DSLContext db;

    StoredPatterns(DSLContext db) {
        this.db = db;
    }

    /** Blocks until no other transaction is solving this indicator's patterns; held to the end of the transaction. */
    void lock(int indicatorDbId) {
        db.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.val(LOCK_NAMESPACE), DSL.val(indicatorDbId)))
                .fetch();
    }

    String slugOf(int indicatorDbId) {
        return db.select(INDICATOR.SLUG).from(INDICATOR).where(INDICATOR.ID.eq(indicatorDbId)).fetchOne(INDICATOR.SLUG);
    }

    /**
     * What the geography the tables are built on looks like; a table solved on other geography
     * (areas or links added since) no longer has the cells and relations a caller can see.
     */
    String geographyStamp() {
        return db.select(geographyStampField()).fetchOne(0, String.class);
    }

    private static Field<String> geographyStampField() {
        return DSL.field("(select count(*) from {0}) || '/' || (select coalesce(max({1}), 0) from {2})", String.class,
                AREA_LINK, AREA.ID, AREA);
    }

    /** Every (current release, period, country with data) of the indicator. */
    List<Target> currentTargets(int indicatorDbId) {
        var current = CurrentReleases.of(indicatorDbId);
        var cr = current.asTable("cr");
        Field<Long> releaseId = cr.field(CurrentReleases.RELEASE_ID, Long.class);
        Field<Integer> periodId = cr.field(CurrentReleases.PERIOD_ID, Integer.class);
        var country = AREA.as("country");
        return db.with(current)
                .select(releaseId, periodId, RELEASE.AREA_TYPE, country.ID)
                .from(cr)
                .join(RELEASE).on(RELEASE.ID.eq(releaseId))
                .crossJoin(country)
                .where(country.AREA_TYPE.eq("country"))
                .andExists(DSL.selectOne().from(OBSERVATION)
                        .join(AREA_CLOSURE).on(AREA_CLOSURE.DESCENDANT_ID.eq(OBSERVATION.AREA_ID).and(AREA_CLOSURE.ANCESTOR_ID.eq(country.ID)))
                        .where(OBSERVATION.RELEASE_ID.eq(releaseId).and(OBSERVATION.PERIOD_ID.eq(periodId))
                                .and(OBSERVATION.INDICATOR_ID.eq(indicatorDbId))))
                .orderBy(periodId, country.ID)
                .fetch(r -> new Target(new Slot(r.value1(), r.value2(), r.value4()), r.value3()));
    }

    /** The stored patterns of one indicator and table kind, by slot. */
    Map<Slot, Pattern> patterns(int indicatorDbId, TableKind kind) {
        Map<Slot, Pattern> patterns = new HashMap<>();
        db.select(SUPPRESSION_PATTERN.ID, SUPPRESSION_PATTERN.RELEASE_ID, SUPPRESSION_PATTERN.PERIOD_ID, SUPPRESSION_PATTERN.ROOT_AREA_ID,
                        PERIOD.CODE, SUPPRESSION_PATTERN.FINEST_LEVEL, SUPPRESSION_PATTERN.GEOGRAPHY_STAMP, SUPPRESSION_PATTERN.WITHHELD_WHOLE_FROM)
                .from(SUPPRESSION_PATTERN)
                .join(PERIOD).on(PERIOD.ID.eq(SUPPRESSION_PATTERN.PERIOD_ID))
                .where(SUPPRESSION_PATTERN.INDICATOR_ID.eq(indicatorDbId)).and(SUPPRESSION_PATTERN.TABLE_KIND.eq(kind.code()))
                .forEach(r -> {
                    Slot slot = new Slot(r.value2(), r.value3(), r.value4());
                    patterns.put(slot, new Pattern(r.value1(), slot, r.value5(), r.value6(), r.value7(), r.value8()));
                });
        return patterns;
    }

    /**
     * The patterns a question needs (of the given releases and periods), and the current
     * geography stamp to judge them by, in one statement.
     */
    record PatternsAndStamp(List<Pattern> patterns, String currentStamp) {
    }

    PatternsAndStamp patterns(int indicatorDbId, TableKind kind, Collection<Long> releaseIds, Collection<String> periodCodes) {
        Field<String> stamp = geographyStampField().as("current_stamp");
        // A select of the stamp alone, left-joined to the patterns, so it comes back even when none is stored.
        var stampRow = DSL.select(stamp).asTable("stamp");
        var matching = DSL.select(SUPPRESSION_PATTERN.ID, SUPPRESSION_PATTERN.RELEASE_ID, SUPPRESSION_PATTERN.PERIOD_ID,
                        SUPPRESSION_PATTERN.ROOT_AREA_ID, PERIOD.CODE, SUPPRESSION_PATTERN.FINEST_LEVEL, SUPPRESSION_PATTERN.GEOGRAPHY_STAMP,
                        SUPPRESSION_PATTERN.WITHHELD_WHOLE_FROM)
                .from(SUPPRESSION_PATTERN)
                .join(PERIOD).on(PERIOD.ID.eq(SUPPRESSION_PATTERN.PERIOD_ID))
                .where(SUPPRESSION_PATTERN.INDICATOR_ID.eq(indicatorDbId))
                .and(SUPPRESSION_PATTERN.TABLE_KIND.eq(kind.code()))
                .and(SUPPRESSION_PATTERN.RELEASE_ID.in(releaseIds))
                .and(PERIOD.CODE.in(periodCodes))
                .asTable("p");
        List<Pattern> patterns = new ArrayList<>();
        String[] current = new String[1];
        db.select(stampRow.field(stamp), matching.field(SUPPRESSION_PATTERN.ID), matching.field(SUPPRESSION_PATTERN.RELEASE_ID),
                        matching.field(SUPPRESSION_PATTERN.PERIOD_ID), matching.field(SUPPRESSION_PATTERN.ROOT_AREA_ID),
                        matching.field(PERIOD.CODE), matching.field(SUPPRESSION_PATTERN.FINEST_LEVEL),
                        matching.field(SUPPRESSION_PATTERN.GEOGRAPHY_STAMP), matching.field(SUPPRESSION_PATTERN.WITHHELD_WHOLE_FROM))
                .from(stampRow)
                .leftJoin(matching).on(DSL.trueCondition())
                .forEach(r -> {
                    current[0] = r.value1();
                    if (r.value2() != null) {
                        Slot slot = new Slot(r.value3(), r.value4(), r.value5());
                        patterns.add(new Pattern(r.value2(), slot, r.value6(), r.value7(), r.value8(), r.value9()));
                    }
                });
        return new PatternsAndStamp(patterns, current[0]);
    }

    /** The question's areas, with the country each lies in, in one statement. */
    Map<String, AreaInCountry> areasInCountries(Collection<String> codes) {
        var wanted = Codes.table(codes, "wanted");
        var closure = AREA_CLOSURE.as("cc");
        var country = AREA.as("country");
        Field<Integer> countryId = DSL.field(DSL.select(DSL.min(country.ID)).from(closure)
                .join(country).on(country.ID.eq(closure.ANCESTOR_ID))
                .where(closure.DESCENDANT_ID.eq(AREA.ID)).and(country.AREA_TYPE.eq("country"))).as("country_id");
        Map<String, AreaInCountry> areas = new HashMap<>();
        db.select(AREA.CODE, AREA.ID, AREA.AREA_TYPE, countryId)
                .from(wanted).join(AREA).on(AREA.CODE.eq(Codes.code(wanted)))
                .forEach(r -> areas.put(r.value1(), new AreaInCountry(r.value2(), r.value3(), r.value4())));
        return areas;
    }

    /** The withheld cells of the given patterns that lie in the given areas. */
    Set<Withheld> withheld(Collection<Long> patternIds, Collection<Integer> areaIds, int slotCount) {
        Set<Withheld> withheld = new HashSet<>();
        db.select(SUPPRESSED_CELL.PATTERN_ID, SUPPRESSED_CELL.AREA_ID, SUPPRESSED_CELL.C1_VALUE_ID, SUPPRESSED_CELL.C2_VALUE_ID,
                        SUPPRESSED_CELL.C3_VALUE_ID, SUPPRESSED_CELL.C4_VALUE_ID)
                .from(SUPPRESSED_CELL)
                .where(SUPPRESSED_CELL.PATTERN_ID.in(patternIds))
                .and(SUPPRESSED_CELL.AREA_ID.in(areaIds))
                .forEach(r -> {
                    List<Integer> values = new ArrayList<>(slotCount);
                    for (int slot = 0; slot < slotCount; slot++) {
                        values.add(r.get(2 + slot, Integer.class));
                    }
                    withheld.add(new Withheld(r.value1(), new CellKey(r.value2(), values)));
                });
        return withheld;
    }

    void delete(long patternId) {
        db.deleteFrom(SUPPRESSED_CELL).where(SUPPRESSED_CELL.PATTERN_ID.eq(patternId)).execute();
        db.deleteFrom(SUPPRESSION_PATTERN).where(SUPPRESSION_PATTERN.ID.eq(patternId)).execute();
    }

    /** Stores one solved table and its withheld cells. */
    long insert(int indicatorDbId, TableKind kind, Slot slot, String finestLevel, String geographyStamp, String withheldWholeFrom,
                int tableCells, Map<CellKey, SuppressionReason> withheld, long solveMillis) {
        long id = db.insertInto(SUPPRESSION_PATTERN)
                .set(SUPPRESSION_PATTERN.INDICATOR_ID, indicatorDbId)
                .set(SUPPRESSION_PATTERN.RELEASE_ID, slot.releaseId())
                .set(SUPPRESSION_PATTERN.PERIOD_ID, slot.periodId())
                .set(SUPPRESSION_PATTERN.TABLE_KIND, kind.code())
                .set(SUPPRESSION_PATTERN.ROOT_AREA_ID, slot.rootAreaId())
                .set(SUPPRESSION_PATTERN.FINEST_LEVEL, finestLevel)
                .set(SUPPRESSION_PATTERN.GEOGRAPHY_STAMP, geographyStamp)
                .set(SUPPRESSION_PATTERN.WITHHELD_WHOLE_FROM, withheldWholeFrom)
                .set(SUPPRESSION_PATTERN.TABLE_CELLS, tableCells)
                .set(SUPPRESSION_PATTERN.SUPPRESSED_CELLS, withheld.size())
                .set(SUPPRESSION_PATTERN.SOLVE_MILLIS, solveMillis)
                .returning(SUPPRESSION_PATTERN.ID)
                .fetchOne(SUPPRESSION_PATTERN.ID);
        List<Map.Entry<CellKey, SuppressionReason>> cells = new ArrayList<>(withheld.entrySet());
        for (int from = 0; from < cells.size(); from += INSERT_CHUNK) {
            InsertValuesStep7<SuppressedCellRecord, Long, Integer, Integer, Integer, Integer, Integer, String> insert =
                    db.insertInto(SUPPRESSED_CELL, SUPPRESSED_CELL.PATTERN_ID, SUPPRESSED_CELL.AREA_ID, SUPPRESSED_CELL.C1_VALUE_ID,
                            SUPPRESSED_CELL.C2_VALUE_ID, SUPPRESSED_CELL.C3_VALUE_ID, SUPPRESSED_CELL.C4_VALUE_ID, SUPPRESSED_CELL.REASON);
            for (Map.Entry<CellKey, SuppressionReason> cell : cells.subList(from, Math.min(cells.size(), from + INSERT_CHUNK))) {
                List<Integer> v = cell.getKey().valueIds();
                insert = insert.values(id, cell.getKey().areaId(), v.size() > 0 ? v.get(0) : null, v.size() > 1 ? v.get(1) : null,
                        v.size() > 2 ? v.get(2) : null, v.size() > 3 ? v.get(3) : null, cell.getValue().name());
            }
            insert.execute();
        }
        return id;
    }
}
