package org.sightline.api.observations;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.CHARACTERISTIC_VALUE;
import static org.sightline.db.Tables.OBSERVATION;
import static org.sightline.db.Tables.PERIOD;
import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.RELEASE_PERIOD;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.sightline.db.tables.Area;
import org.sightline.db.tables.CharacteristicValue;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.domain.time.Period;
import org.sightline.domain.time.PeriodType;
import org.springframework.stereotype.Repository;

/**
 * Reads observation tables from PostgreSQL. {@link #rollUp} answers a whole question in ONE SQL
 * statement: it picks, per period, the newest published release of the indicator, joins the
 * stored finest-grain cells to the requested areas through the closure table, and sums counts and
 * denominators per (area, period, breakdown values). Rates are never averaged here; they are
 * recomputed from the protected sums after the privacy engine has run.
 */
@Repository
public class Observations {

    private final DSLContext db;

    Observations(DSLContext db) {
        this.db = db;
    }

    /**
     * @param noiseKeys whether to compute each cell's digest of its stored cells, which only
     *                  interactive noise needs (it is the costliest part of the statement)
     * @return the rolled-up cells of TRUE values, ordered by area code, period, then the breakdown
     *         values' display order
     */
    public List<RolledUpCell> rollUp(ResolvedQuery query, boolean noiseKeys) {
        Field<Long> releaseId = DSL.field(DSL.name(CurrentReleases.RELEASE_ID), SQLDataType.BIGINT);
        Field<Integer> periodId = DSL.field(DSL.name(CurrentReleases.PERIOD_ID), SQLDataType.INTEGER);
        CommonTableExpression<Record2<Integer, Long>> current = CurrentReleases.of(query.indicatorDbId(), query.releases());
        Table<?> currentTable = current.asTable("cr");
        Field<Integer> crPeriod = currentTable.field(periodId);
        Field<Long> crRelease = currentTable.field(releaseId);

        Area target = AREA.as("target");
        // The asked areas and the areas inside them, worked out first and on their own (a
        // materialised CTE): the statement then goes from these few pairs to their stored cells
        // through the cells' index, so its work grows with the answer, not with the indicator,
        // whatever join order the planner would otherwise pick for this many relations.
        var askedCells = DSL.name("asked_cells").fields("target_id", "area_id").asMaterialized(
                DSL.select(target.ID, AREA_CLOSURE.DESCENDANT_ID)
                        .from(target).join(AREA_CLOSURE).on(AREA_CLOSURE.ANCESTOR_ID.eq(target.ID))
                        .where(targetCondition(query.areas(), target)));
        Table<?> asked = askedCells.asTable("asked");
        Field<Integer> askedTarget = asked.field("target_id", Integer.class);
        Field<Integer> askedArea = asked.field("area_id", Integer.class);

        // First the sums per asked area, period and breakdown values, by ids only; the areas,
        // periods and values are joined to the (few) sums afterwards, not to every stored cell.
        List<Field<?>> groupBy = new ArrayList<>(List.of(askedTarget, OBSERVATION.PERIOD_ID));
        List<SelectField<?>> sumsSelect = new ArrayList<>(List.of(askedTarget.as("target_id"), OBSERVATION.PERIOD_ID.as("period_id")));
        for (int position : query.breakdownPositions()) {
            groupBy.add(slot(position));
            sumsSelect.add(slot(position).as("c" + position));
        }
        Field<BigDecimal> count = DSL.sum(OBSERVATION.COUNT).as("count");
        Field<BigDecimal> denominator = DSL.sum(OBSERVATION.DENOMINATOR).as("denominator");
        Field<Integer> baseCells = DSL.count().as("base_cells");
        Field<Double> value = DSL.when(DSL.count().eq(1), DSL.max(OBSERVATION.VALUE)).as("value");
        Field<Double> lowerCi = DSL.when(DSL.count().eq(1), DSL.max(OBSERVATION.LOWER_CI)).as("lower_ci");
        Field<Double> upperCi = DSL.when(DSL.count().eq(1), DSL.max(OBSERVATION.UPPER_CI)).as("upper_ci");
        Field<Long> release = DSL.max(OBSERVATION.RELEASE_ID).as("release_id");
        // The canonical set of stored cells behind this cell; it seeds consistent noise, so the
        // same cells reached by another question get the same noise.
        Field<String> digest = !noiseKeys ? DSL.castNull(SQLDataType.VARCHAR).as("base_cells_digest") : DSL.md5(DSL.field("string_agg(concat_ws(':', {0}, {1}, {2}, {3}, {4}), ',' ORDER BY {0}, {1}, {2}, {3}, {4})",
                String.class, OBSERVATION.AREA_ID, OBSERVATION.C1_VALUE_ID, OBSERVATION.C2_VALUE_ID, OBSERVATION.C3_VALUE_ID,
                OBSERVATION.C4_VALUE_ID)).as("base_cells_digest");
        sumsSelect.addAll(List.of(count, denominator, baseCells, value, lowerCi, upperCi, release, digest));
        Condition where = OBSERVATION.INDICATOR_ID.eq(query.indicatorDbId())
                .and(periodCondition(query));
        for (ResolvedQuery.ValueFilter filter : query.filters()) {
            where = where.and(slot(filter.position()).in(filter.valueIds()));
        }
        Table<?> sums = DSL.select(sumsSelect)
                .from(asked)
                .join(OBSERVATION).on(OBSERVATION.AREA_ID.eq(askedArea))
                .join(currentTable).on(crRelease.eq(OBSERVATION.RELEASE_ID).and(crPeriod.eq(OBSERVATION.PERIOD_ID)))
                .join(PERIOD).on(PERIOD.ID.eq(OBSERVATION.PERIOD_ID))
                .where(where)
                .groupBy(groupBy)
                .asTable("sums");

        List<CharacteristicValue> breakdownValues = new ArrayList<>();
        List<SelectField<?>> select = new ArrayList<>(List.of(
                target.CODE, target.NAME, target.AREA_TYPE,
                PERIOD.CODE, PERIOD.PERIOD_TYPE, PERIOD.START_DATE, PERIOD.END_DATE));
        List<org.jooq.OrderField<?>> orderBy = new ArrayList<>(List.of(target.CODE, PERIOD.START_DATE, PERIOD.END_DATE));
        for (int position : query.breakdownPositions()) {
            CharacteristicValue v = CHARACTERISTIC_VALUE.as("v" + position);
            breakdownValues.add(v);
            select.add(v.CODE);
            select.add(v.LABEL);
            select.add(v.SORT_ORDER);
            orderBy.add(v.SORT_ORDER);
        }
        Field<BigDecimal> sCount = sums.field("count", BigDecimal.class);
        Field<BigDecimal> sDenominator = sums.field("denominator", BigDecimal.class);
        Field<Integer> sBaseCells = sums.field("base_cells", Integer.class);
        Field<Double> sValue = sums.field("value", Double.class);
        Field<Double> sLowerCi = sums.field("lower_ci", Double.class);
        Field<Double> sUpperCi = sums.field("upper_ci", Double.class);
        Field<Long> sRelease = sums.field("release_id", Long.class);
        Field<String> sDigest = sums.field("base_cells_digest", String.class);
        select.addAll(List.of(sCount, sDenominator, sBaseCells, sValue, sLowerCi, sUpperCi, sRelease, sDigest));

        var from = db.with(current).with(askedCells)
                .select(select)
                .from(sums)
                .join(target).on(target.ID.eq(sums.field("target_id", Integer.class)))
                .join(PERIOD).on(PERIOD.ID.eq(sums.field("period_id", Integer.class)));
        for (int i = 0; i < breakdownValues.size(); i++) {
            CharacteristicValue v = breakdownValues.get(i);
            from = from.join(v).on(v.ID.eq(sums.field("c" + query.breakdownPositions().get(i), Integer.class)));
        }
        List<RolledUpCell> cells = new ArrayList<>();
        from.orderBy(orderBy).fetch().forEach(r -> {
            List<CharacteristicRef> characteristics = new ArrayList<>();
            for (int i = 0; i < breakdownValues.size(); i++) {
                CharacteristicValue v = breakdownValues.get(i);
                characteristics.add(new CharacteristicRef(query.breakdownTypes().get(i), r.get(v.CODE), r.get(v.LABEL), r.get(v.SORT_ORDER)));
            }
            cells.add(new RolledUpCell(
                    new AreaRef(r.get(target.CODE), r.get(target.NAME), r.get(target.AREA_TYPE)),
                    new Period(r.get(PERIOD.CODE), PeriodType.valueOf(r.get(PERIOD.PERIOD_TYPE)), r.get(PERIOD.START_DATE), r.get(PERIOD.END_DATE)),
                    characteristics,
                    toLong(r.get(sCount)), toLong(r.get(sDenominator)),
                    r.get(sValue), r.get(sLowerCi), r.get(sUpperCi), r.get(sBaseCells), r.get(sRelease), r.get(sDigest)));
        });
        return cells;
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

    static Condition targetCondition(ResolvedQuery.AreaTarget areas, Area target) {
        if (!areas.codes().isEmpty()) {
            return target.CODE.in(areas.codes());
        }
        Condition condition = target.AREA_TYPE.eq(areas.level());
        if (areas.within() != null) {
            var within = AREA.as("within_area");
            condition = condition.and(target.ID.in(
                    DSL.select(AREA_CLOSURE.as("wc").DESCENDANT_ID)
                            .from(AREA_CLOSURE.as("wc"))
                            .join(within).on(within.ID.eq(AREA_CLOSURE.as("wc").ANCESTOR_ID))
                            .where(within.CODE.eq(areas.within()))));
        }
        return condition;
    }

    static Condition periodCondition(ResolvedQuery query) {
        var selector = query.periods();
        if (!selector.codes().isEmpty()) {
            return PERIOD.CODE.in(selector.codes().stream().map(Period::code).toList());
        }
        if (selector.from() != null || selector.to() != null) {
            Condition c = DSL.noCondition();
            if (selector.from() != null) {
                c = c.and(PERIOD.START_DATE.ge(selector.from().start()));
            }
            if (selector.to() != null) {
                c = c.and(PERIOD.START_DATE.le(selector.to().start()));
            }
            return c;
        }
        // Latest: the period with data that starts last (on a tie, the one that ends last).
        var p2 = PERIOD.as("p2");
        var rp2 = RELEASE_PERIOD.as("rp2");
        var r2 = RELEASE.as("r2");
        return PERIOD.ID.eq(DSL.select(p2.ID).from(p2)
                .join(rp2).on(rp2.PERIOD_ID.eq(p2.ID))
                .join(r2).on(r2.ID.eq(rp2.RELEASE_ID))
                .where(r2.INDICATOR_ID.eq(query.indicatorDbId()).and(query.releases().contains(r2)))
                .orderBy(p2.START_DATE.desc(), p2.END_DATE.desc())
                .limit(1));
    }

    private static Long toLong(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }
}
