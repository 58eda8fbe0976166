package org.sightline.api.indicators;

import static org.sightline.db.Tables.CHARACTERISTIC_TYPE;
import static org.sightline.db.Tables.CHARACTERISTIC_VALUE;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.INDICATOR_CHARACTERISTIC_TYPE;
import static org.sightline.db.Tables.INDICATOR_TOPIC;
import static org.sightline.db.Tables.PERIOD;
import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.RELEASE_PERIOD;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.characteristics.CharacteristicTypes.StoredValue;
import org.jooq.Field;
import org.sightline.api.web.ConflictException;
import org.sightline.db.tables.records.IndicatorRecord;
import org.sightline.domain.catalogue.RefreshFrequency;
import org.sightline.domain.catalogue.RefreshSchedule;
import org.sightline.domain.indicator.DisclosureClass;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.indicator.MeasureType;
import org.sightline.domain.indicator.Polarity;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Indicators in PostgreSQL. */
@Repository
public class Indicators {

    private final DSLContext db;
    private final CharacteristicTypes characteristicTypes;

    Indicators(DSLContext db, CharacteristicTypes characteristicTypes) {
        this.db = db;
        this.characteristicTypes = characteristicTypes;
    }

    /**
     * Creates the indicator, or does nothing if the same definition exists.
     *
     * @return true if created
     * @throws ConflictException if the id exists with a different definition
     * @throws IllegalArgumentException if a characteristic type is unknown
     */
    @Transactional
    public boolean define(IndicatorDefinition definition, Integer ownerOrganisationId) {
        return define(definition, ownerOrganisationId, null);
    }

    /**
     * Creates the indicator with its catalogue description, or does nothing if the same definition
     * exists and the description is absent or the same (an identical re-send is a no-op).
     *
     * @param description the catalogue's description, or null when the body had none
     * @throws ConflictException if the id exists with a different definition or description (the
     *                           owner changes the description with the {@code describeIndicator} mutation)
     */
    @Transactional
    public boolean define(IndicatorDefinition definition, Integer ownerOrganisationId, IndicatorDescription description) {
        Optional<StoredIndicator> existing = find(definition.id());
        if (existing.isPresent()) {
            if (!existing.get().definition().equals(definition)) {
                throw new ConflictException("indicator '" + definition.id() + "' already exists with a different definition");
            }
            if (description != null && !description.equals(description(existing.get().dbId()))) {
                throw new ConflictException("indicator '" + definition.id() + "' already exists with a different catalogue "
                        + "description (contact, topics, refresh); its owner changes that with the describeIndicator mutation");
            }
            return false;
        }
        Map<String, StoredType> types = characteristicTypes.byCodes(definition.characteristicTypes());
        for (String code : definition.characteristicTypes()) {
            if (!types.containsKey(code)) {
                throw new IllegalArgumentException("characteristic type '" + code + "' is not defined; "
                        + "create it with POST /api/v1/characteristic-types first");
            }
        }
        int id = db.insertInto(INDICATOR)
                .set(INDICATOR.SLUG, definition.id())
                .set(INDICATOR.TITLE, definition.title())
                .set(INDICATOR.DEFINITION, definition.definition())
                .set(INDICATOR.UNIT, definition.unit())
                .set(INDICATOR.MEASURE_TYPE, definition.measureType().name())
                .set(INDICATOR.MULTIPLIER, definition.multiplier())
                .set(INDICATOR.POLARITY, definition.polarity().name())
                .set(INDICATOR.DISCLOSURE_CLASS, definition.disclosureClass().name())
                .set(INDICATOR.SOURCE, definition.source())
                .set(INDICATOR.LICENCE, definition.licence())
                .set(INDICATOR.METHODOLOGY, definition.methodology())
                .set(INDICATOR.OWNER_ORGANISATION_ID, ownerOrganisationId)
                .returning(INDICATOR.ID).fetchOne().getId();
        short position = 1;
        for (String code : definition.characteristicTypes()) {
            db.insertInto(INDICATOR_CHARACTERISTIC_TYPE)
                    .set(INDICATOR_CHARACTERISTIC_TYPE.INDICATOR_ID, id)
                    .set(INDICATOR_CHARACTERISTIC_TYPE.POSITION, position++)
                    .set(INDICATOR_CHARACTERISTIC_TYPE.CHARACTERISTIC_TYPE_ID, types.get(code).id())
                    .execute();
        }
        if (description != null) {
            describe(id, description);
        }
        return true;
    }

    /** The catalogue description of an indicator (by row id), {@link IndicatorDescription#NONE} parts where unset. */
    public IndicatorDescription description(int indicatorDbId) {
        var row = db.select(INDICATOR.CONTACT, INDICATOR.REFRESH_SCHEDULE, INDICATOR.PUBLICATION_LAG, INDICATOR.NEXT_DUE)
                .from(INDICATOR).where(INDICATOR.ID.eq(indicatorDbId)).fetchSingle();
        List<String> topics = db.select(INDICATOR_TOPIC.TOPIC).from(INDICATOR_TOPIC)
                .where(INDICATOR_TOPIC.INDICATOR_ID.eq(indicatorDbId)).orderBy(INDICATOR_TOPIC.TOPIC).fetch(INDICATOR_TOPIC.TOPIC);
        return new IndicatorDescription(row.value1(), topics, new RefreshSchedule(
                row.value2() == null ? null : RefreshFrequency.valueOf(row.value2()), RefreshSchedule.parseLag(row.value3()),
                row.value4()));
    }

    /**
     * Replaces the catalogue description of an indicator (by row id). Callers check who may; the
     * description changes no number, but it is part of the public's cached answers, so callers
     * bump the data version.
     */
    @Transactional
    public void describe(int indicatorDbId, IndicatorDescription description) {
        RefreshSchedule schedule = description.schedule();
        db.update(INDICATOR)
                .set(INDICATOR.CONTACT, description.contact())
                .set(INDICATOR.REFRESH_SCHEDULE, schedule.frequency() == null ? null : schedule.frequency().name())
                .set(INDICATOR.PUBLICATION_LAG, schedule.publicationLag() == null ? null : schedule.publicationLag().toString())
                .set(INDICATOR.NEXT_DUE, schedule.explicitNextDue())
                .where(INDICATOR.ID.eq(indicatorDbId))
                .execute();
        db.deleteFrom(INDICATOR_TOPIC).where(INDICATOR_TOPIC.INDICATOR_ID.eq(indicatorDbId)).execute();
        for (String topic : description.topics()) {
            db.insertInto(INDICATOR_TOPIC).set(INDICATOR_TOPIC.INDICATOR_ID, indicatorDbId).set(INDICATOR_TOPIC.TOPIC, topic).execute();
        }
    }

    public Optional<StoredIndicator> find(String slug) {
        return load(INDICATOR.SLUG.eq(slug), null, 1).indicators().stream().findFirst();
    }

    /** A page of indicators and how many match in all. */
    public record Page(List<StoredIndicator> indicators, int totalCount) {
    }

    /**
     * A page of indicators ordered by id (slug) after the given id, optionally matching a title or
     * id search, with their characteristic types and values and the total count: one statement.
     */
    public Page page(String search, String afterSlug, int limit) {
        Condition condition = DSL.noCondition();
        if (search != null && !search.isBlank()) {
            condition = DSL.lower(INDICATOR.TITLE).contains(search.strip().toLowerCase())
                    .or(INDICATOR.SLUG.contains(search.strip().toLowerCase()));
        }
        return load(condition, afterSlug, limit);
    }

    /**
     * A page of the indicators matching a condition on {@code INDICATOR} (the catalogue's search),
     * ordered by id after the given id, in one statement like {@link #page}.
     */
    public Page pageMatching(Condition matching, String afterSlug, int limit) {
        return load(matching, afterSlug, limit);
    }

    /** Periods with published data, oldest first, for each indicator (by row id). */
    public Map<Integer, List<org.sightline.domain.time.Period>> periodsOf(Collection<Integer> indicatorIds) {
        Map<Integer, List<org.sightline.domain.time.Period>> result = new LinkedHashMap<>();
        indicatorIds.forEach(id -> result.put(id, new ArrayList<>()));
        db.selectDistinct(RELEASE.INDICATOR_ID, PERIOD.CODE, PERIOD.PERIOD_TYPE, PERIOD.START_DATE, PERIOD.END_DATE)
                .from(RELEASE)
                .join(RELEASE_PERIOD).on(RELEASE_PERIOD.RELEASE_ID.eq(RELEASE.ID))
                .join(PERIOD).on(PERIOD.ID.eq(RELEASE_PERIOD.PERIOD_ID))
                .where(RELEASE.INDICATOR_ID.in(indicatorIds)).and(RELEASE.STATUS.eq("PUBLISHED"))
                .orderBy(RELEASE.INDICATOR_ID, PERIOD.START_DATE, PERIOD.END_DATE)
                .forEach(r -> result.get(r.value1()).add(new org.sightline.domain.time.Period(r.value2(),
                        org.sightline.domain.time.PeriodType.valueOf(r.value3()), r.value4(), r.value5())));
        return result;
    }

    private Page load(Condition matching, String afterSlug, int limit) {
        // Inner: every matching indicator with the count of all of them (before keyset filtering).
        var counted = db.select(INDICATOR.asterisk(), DSL.count().over().as("total_count"))
                .from(INDICATOR).where(matching).asTable("counted");
        Field<Integer> id = counted.field(INDICATOR.ID);
        Field<String> slug = counted.field(INDICATOR.SLUG);
        Field<List<StoredType>> types = DSL.multiset(
                        DSL.select(CHARACTERISTIC_TYPE.ID, CHARACTERISTIC_TYPE.CODE, CHARACTERISTIC_TYPE.NAME, CHARACTERISTIC_TYPE.ORDERED,
                                        DSL.multiset(DSL.select(CHARACTERISTIC_VALUE.ID, CHARACTERISTIC_VALUE.CODE, CHARACTERISTIC_VALUE.LABEL,
                                                        CHARACTERISTIC_VALUE.SORT_ORDER, CHARACTERISTIC_VALUE.IS_TOTAL)
                                                .from(CHARACTERISTIC_VALUE)
                                                .where(CHARACTERISTIC_VALUE.TYPE_ID.eq(CHARACTERISTIC_TYPE.ID))
                                                .orderBy(CHARACTERISTIC_VALUE.SORT_ORDER)),
                                        CHARACTERISTIC_TYPE.AREA_DERIVED)
                                .from(INDICATOR_CHARACTERISTIC_TYPE)
                                .join(CHARACTERISTIC_TYPE).on(CHARACTERISTIC_TYPE.ID.eq(INDICATOR_CHARACTERISTIC_TYPE.CHARACTERISTIC_TYPE_ID))
                                .where(INDICATOR_CHARACTERISTIC_TYPE.INDICATOR_ID.eq(id))
                                .orderBy(INDICATOR_CHARACTERISTIC_TYPE.POSITION))
                .convertFrom(rows -> rows.map(t -> new StoredType(t.value1(), t.value2(), t.value3(), t.value4(),
                        t.value5().map(v -> new StoredValue(v.value1(), t.value2(), v.value2(), v.value3(), v.value4(), v.value5())),
                        t.value6())))
                .as("types");
        var rows = db.select(counted.fields()).select(types)
                .from(counted)
                .where(afterSlug == null ? DSL.noCondition() : slug.gt(afterSlug))
                .orderBy(slug)
                .limit(limit)
                .fetch();
        List<StoredIndicator> result = new ArrayList<>();
        int total = 0;
        for (var row : rows) {
            IndicatorRecord r = row.into(INDICATOR);
            total = row.get("total_count", Integer.class);
            List<StoredType> typeList = row.get(types);
            IndicatorDefinition definition = new IndicatorDefinition(r.getSlug(), r.getTitle(), r.getDefinition(), r.getUnit(),
                    MeasureType.valueOf(r.getMeasureType()), r.getMultiplier(), Polarity.valueOf(r.getPolarity()),
                    DisclosureClass.valueOf(r.getDisclosureClass()), r.getSource(), r.getLicence(), r.getMethodology(),
                    typeList.stream().map(StoredType::code).toList());
            result.add(new StoredIndicator(r.getId(), definition, r.getOwnerOrganisationId(), typeList));
        }
        if (rows.isEmpty() && afterSlug != null) {
            total = db.fetchCount(INDICATOR, matching);
        }
        return new Page(result, total);
    }
}
