package org.sightline.api.observations;

import static org.sightline.db.Tables.AREA;
import static org.sightline.db.Tables.AREA_CLOSURE;
import static org.sightline.db.Tables.CHARACTERISTIC_VALUE;
import static org.sightline.db.Tables.PERIOD;
import static org.sightline.db.Tables.PUBLIC_TABLE_CELL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.CommonTableExpression;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.api.publictables.PublicTableReleases;
import org.sightline.db.tables.Area;
import org.sightline.db.tables.CharacteristicValue;
import org.sightline.domain.observation.AreaRef;
import org.sightline.domain.observation.CharacteristicRef;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.domain.time.Period;
import org.sightline.domain.time.PeriodType;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.policy.PublicTableRelease;
import org.springframework.stereotype.Repository;

/**
 * Answers noisy questions from the public's tables, drawn once per release when it was published
 * ({@link PublicTableReleases}): each answer cell is the sum of stored released cells - the area's own
 * row for the levels the tables hold, the rows of the finest public level inside it for other
 * areas made of them (a county, a combined authority) - over the asked values of filtered
 * characteristics. Post-processing of stored values only: nothing is drawn and nothing is charged,
 * so asking the same cells in any number of ways (filters with several values, unions of areas)
 * returns sums of the same numbers.
 */
@Repository
class PublicAnswers {

    private final DSLContext db;
    private final PublicTableReleases tables;

    PublicAnswers(DSLContext db, PublicTableReleases tables) {
        this.db = db;
        this.tables = tables;
    }

    /** Draws the public tables of any current release that has none yet (e.g. after the policy changed). */
    void requireTables(StoredIndicator indicator) {
        // Checked first, without opening a transaction: a question already holds its read connection,
        // and sixteen of them each waiting for a second one would starve the pool.
        if (!tables.checked(indicator.dbId())) {
            tables.prepareMissing(indicator.dbId());
        }
    }

    /** The published observations of the question, ordered as {@link Observations#rollUp} orders them. */
    List<PublishedObservation> answer(StoredIndicator indicator, ResolvedQuery query) {
        Field<Integer> periodId = DSL.field(DSL.name(CurrentReleases.PERIOD_ID), SQLDataType.INTEGER);
        Field<Long> releaseId = DSL.field(DSL.name(CurrentReleases.RELEASE_ID), SQLDataType.BIGINT);
        CommonTableExpression<Record2<Integer, Long>> current = CurrentReleases.of(query.indicatorDbId(), query.releases());
        var currentTable = current.asTable("cr");
        Area target = AREA.as("target");
        List<StoredType> types = indicator.characteristicTypes();
        List<CharacteristicValue> breakdownValues = new ArrayList<>();
        List<SelectField<?>> select = new ArrayList<>(List.of(
                target.CODE, target.NAME, target.AREA_TYPE, PERIOD.CODE, PERIOD.PERIOD_TYPE, PERIOD.START_DATE, PERIOD.END_DATE));
        List<Field<?>> groupBy = new ArrayList<>(List.of(target.ID, PERIOD.ID));
        List<org.jooq.OrderField<?>> orderBy = new ArrayList<>(List.of(target.CODE, PERIOD.START_DATE, PERIOD.END_DATE));
        for (int position : query.breakdownPositions()) {
            CharacteristicValue v = CHARACTERISTIC_VALUE.as("v" + position);
            breakdownValues.add(v);
            select.addAll(List.of(v.CODE, v.LABEL, v.SORT_ORDER));
            groupBy.add(v.ID);
            orderBy.add(v.SORT_ORDER);
        }
        Field<BigDecimal> count = DSL.sum(PUBLIC_TABLE_CELL.COUNT).as("count");
        Field<BigDecimal> denominator = DSL.sum(PUBLIC_TABLE_CELL.DENOMINATOR).as("denominator");
        Field<Double> countSd = DSL.sum(PUBLIC_TABLE_CELL.COUNT_SD).cast(Double.class).as("count_sd");
        Field<Double> denominatorSd = DSL.sum(PUBLIC_TABLE_CELL.DENOMINATOR_SD).cast(Double.class).as("denominator_sd");
        Field<Integer> summed = DSL.count().as("summed");
        Field<Long> release = DSL.max(PUBLIC_TABLE_CELL.RELEASE_ID).as("release_id");
        select.addAll(List.of(count, denominator, countSd, denominatorSd, summed, release));

        // The asked areas and the areas inside them first, on their own (a materialised CTE), so
        // the statement goes from these pairs to their stored public cells through the cells'
        // index: its work grows with the answer, not with the tables (as in Observations#rollUp).
        var askedAreas = DSL.name("asked_areas").fields("target_id", "area_id", "depth").asMaterialized(
                DSL.select(target.ID, AREA_CLOSURE.DESCENDANT_ID, AREA_CLOSURE.DEPTH)
                        .from(target).join(AREA_CLOSURE).on(AREA_CLOSURE.ANCESTOR_ID.eq(target.ID))
                        .where(Observations.targetCondition(query.areas(), target)));
        Table<?> asked = askedAreas.asTable("asked");
        Field<Integer> askedTarget = asked.field("target_id", Integer.class);
        Field<Integer> askedArea = asked.field("area_id", Integer.class);
        Field<Short> askedDepth = asked.field("depth", Short.class);
        var from = db.with(current).with(askedAreas).select(select)
                .from(asked)
                .join(target).on(target.ID.eq(askedTarget))
                .join(PUBLIC_TABLE_CELL).on(PUBLIC_TABLE_CELL.AREA_ID.eq(askedArea))
                .join(currentTable).on(currentTable.field(releaseId).eq(PUBLIC_TABLE_CELL.RELEASE_ID)
                        .and(currentTable.field(periodId).eq(PUBLIC_TABLE_CELL.PERIOD_ID)))
                .join(PERIOD).on(PERIOD.ID.eq(PUBLIC_TABLE_CELL.PERIOD_ID));
        for (int i = 0; i < breakdownValues.size(); i++) {
            CharacteristicValue v = breakdownValues.get(i);
            from = from.join(v).on(v.ID.eq(slot(query.breakdownPositions().get(i))));
        }
        // An area the tables hold is its own row; any other area is the sum of the finest rows inside it.
        Condition where = askedDepth.eq((short) 0).or(PUBLIC_TABLE_CELL.LEAF.isTrue()
                        .and(DSL.notExists(DSL.selectOne().from(PUBLIC_TABLE_CELL.as("own"))
                                .where(PUBLIC_TABLE_CELL.as("own").RELEASE_ID.eq(PUBLIC_TABLE_CELL.RELEASE_ID))
                                .and(PUBLIC_TABLE_CELL.as("own").PERIOD_ID.eq(PUBLIC_TABLE_CELL.PERIOD_ID))
                                .and(PUBLIC_TABLE_CELL.as("own").AREA_ID.eq(target.ID)))))
                .and(Observations.periodCondition(query));
        for (int position = 1; position <= types.size(); position++) {
            int total = types.get(position - 1).totalValue().id();
            int p = position;
            List<Integer> filterIds = query.filters().stream().filter(f -> f.position() == p).findFirst()
                    .map(ResolvedQuery.ValueFilter::valueIds).orElse(null);
            boolean broken = query.breakdownPositions().contains(position);
            if (filterIds != null) {
                where = where.and(slot(position).in(filterIds));
            } else if (broken) {
                where = where.and(slot(position).ne(total));
            } else {
                where = where.and(slot(position).eq(total));
            }
        }
        List<RolledUpCell> cells = new ArrayList<>();
        List<ProtectedCell> protectedCells = new ArrayList<>();
        for (var r : from.where(where).groupBy(groupBy).orderBy(orderBy).fetch()) {
            List<CharacteristicRef> characteristics = new ArrayList<>();
            for (int i = 0; i < breakdownValues.size(); i++) {
                CharacteristicValue v = breakdownValues.get(i);
                characteristics.add(new CharacteristicRef(query.breakdownTypes().get(i), r.get(v.CODE), r.get(v.LABEL), r.get(v.SORT_ORDER)));
            }
            // No true value is held here: the cell carries only where it is, for the publication step.
            cells.add(new RolledUpCell(new AreaRef(r.get(target.CODE), r.get(target.NAME), r.get(target.AREA_TYPE)),
                    new Period(r.get(PERIOD.CODE), PeriodType.valueOf(r.get(PERIOD.PERIOD_TYPE)), r.get(PERIOD.START_DATE),
                            r.get(PERIOD.END_DATE)),
                    characteristics, null, null, null, null, null, r.get(summed), r.get(release), "public-tables"));
            PublicTableRelease policy = tables.releasePolicy(r.get(release));
            protectedCells.add(policy.release(new PublicTableRelease.StoredSum(toLong(r.get(count)), toLong(r.get(denominator)),
                    r.get(countSd), r.get(denominatorSd), r.get(summed))));
        }
        return Publication.of(indicator.definition(), cells, protectedCells);
    }

    private static Field<Integer> slot(int position) {
        return switch (position) {
            case 1 -> PUBLIC_TABLE_CELL.C1_VALUE_ID;
            case 2 -> PUBLIC_TABLE_CELL.C2_VALUE_ID;
            case 3 -> PUBLIC_TABLE_CELL.C3_VALUE_ID;
            case 4 -> PUBLIC_TABLE_CELL.C4_VALUE_ID;
            default -> throw new IllegalArgumentException("characteristic position " + position);
        };
    }

    private static Long toLong(BigDecimal value) {
        return value == null ? null : value.longValueExact();
    }
}
