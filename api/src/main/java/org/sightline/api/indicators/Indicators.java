package org.sightline.api.indicators;

import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.INDICATOR_CHARACTERISTIC_TYPE;
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
import org.sightline.api.web.ConflictException;
import org.sightline.db.tables.records.IndicatorRecord;
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
        Optional<StoredIndicator> existing = find(definition.id());
        if (existing.isPresent()) {
            if (!existing.get().definition().equals(definition)) {
                throw new ConflictException("indicator '" + definition.id() + "' already exists with a different definition");
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
        return true;
    }

    public Optional<StoredIndicator> find(String slug) {
        return load(INDICATOR.SLUG.eq(slug), 1).stream().findFirst();
    }

    public List<StoredIndicator> findAll(Collection<String> slugs) {
        return load(INDICATOR.SLUG.in(slugs), Integer.MAX_VALUE);
    }

    /** A page of indicators ordered by id (slug), after the given id, optionally matching a title search. */
    public List<StoredIndicator> page(String search, String afterSlug, int limit) {
        Condition condition = DSL.noCondition();
        if (search != null && !search.isBlank()) {
            condition = condition.and(DSL.lower(INDICATOR.TITLE).contains(search.strip().toLowerCase())
                    .or(INDICATOR.SLUG.contains(search.strip().toLowerCase())));
        }
        if (afterSlug != null) {
            condition = condition.and(INDICATOR.SLUG.gt(afterSlug));
        }
        return load(condition, limit);
    }

    public int count(String search) {
        Condition condition = DSL.noCondition();
        if (search != null && !search.isBlank()) {
            condition = DSL.lower(INDICATOR.TITLE).contains(search.strip().toLowerCase())
                    .or(INDICATOR.SLUG.contains(search.strip().toLowerCase()));
        }
        return db.fetchCount(INDICATOR, condition);
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

    private List<StoredIndicator> load(Condition condition, int limit) {
        org.jooq.Result<IndicatorRecord> records = db.selectFrom(INDICATOR).where(condition).orderBy(INDICATOR.SLUG).limit(limit).fetch();
        if (records.isEmpty()) {
            return List.of();
        }
        Map<Integer, List<Integer>> typeIdsByIndicator = new LinkedHashMap<>();
        db.selectFrom(INDICATOR_CHARACTERISTIC_TYPE)
                .where(INDICATOR_CHARACTERISTIC_TYPE.INDICATOR_ID.in(records.map(IndicatorRecord::getId)))
                .orderBy(INDICATOR_CHARACTERISTIC_TYPE.INDICATOR_ID, INDICATOR_CHARACTERISTIC_TYPE.POSITION)
                .forEach(r -> typeIdsByIndicator.computeIfAbsent(r.getIndicatorId(), k -> new ArrayList<>()).add(r.getCharacteristicTypeId()));
        Map<Integer, StoredType> typesById = new LinkedHashMap<>();
        characteristicTypes.all().forEach(t -> typesById.put(t.id(), t));
        List<StoredIndicator> result = new ArrayList<>();
        for (IndicatorRecord r : records) {
            List<StoredType> types = typeIdsByIndicator.getOrDefault(r.getId(), List.of()).stream().map(typesById::get).toList();
            IndicatorDefinition definition = new IndicatorDefinition(r.getSlug(), r.getTitle(), r.getDefinition(), r.getUnit(),
                    MeasureType.valueOf(r.getMeasureType()), r.getMultiplier(), Polarity.valueOf(r.getPolarity()),
                    DisclosureClass.valueOf(r.getDisclosureClass()), r.getSource(), r.getLicence(), r.getMethodology(),
                    types.stream().map(StoredType::code).toList());
            result.add(new StoredIndicator(r.getId(), definition, r.getOwnerOrganisationId(), types));
        }
        return result;
    }
}
