package org.sightline.api.catalogue;

import static org.sightline.db.Tables.CHARACTERISTIC_TYPE;
import static org.sightline.db.Tables.INDICATOR;
import static org.sightline.db.Tables.INDICATOR_CHARACTERISTIC_TYPE;
import static org.sightline.db.Tables.INDICATOR_TOPIC;
import static org.sightline.db.Tables.RELEASE;
import static org.sightline.db.Tables.RELEASE_AREA_TYPE;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.Indicators;
import org.sightline.domain.catalogue.RefreshFrequency;
import org.sightline.domain.catalogue.RefreshSchedule;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.time.Period;
import org.springframework.stereotype.Repository;

/** The catalogue's reads: entries for a page of indicators in one statement, and the catalogue search. */
@Repository
class Catalogue {

    /**
     * Area types: those of the published releases, but a NON_ADDITIVE value cannot be combined, so
     * it exists only at the type it was supplied at.
     */
    private static final String ENTRIES = """
            SELECT i.id, i.contact, i.refresh_schedule, i.publication_lag, i.next_due, o.code AS owner_code, o.name AS owner_name,
                   (SELECT coalesce(array_agg(t.topic ORDER BY t.topic), '{}') FROM indicator_topic t
                    WHERE t.indicator_id = i.id) AS topics,
                   (SELECT max(r.published_at) FROM release r WHERE r.indicator_id = i.id AND r.status = 'PUBLISHED') AS last_release,
                   (SELECT coalesce(array_agg(DISTINCT rat.area_type), '{}') FROM release_area_type rat
                    JOIN release r ON r.id = rat.release_id
                    WHERE r.indicator_id = i.id AND r.status = 'PUBLISHED'
                      AND (i.measure_type <> 'NON_ADDITIVE' OR rat.area_type = r.area_type)) AS area_types,
                   (SELECT coalesce(array_agg(p.code ORDER BY p.start_date, p.end_date), '{}') FROM period p
                    WHERE p.id IN (SELECT rp.period_id FROM release_period rp JOIN release r ON r.id = rp.release_id
                                   WHERE r.indicator_id = i.id AND r.status = 'PUBLISHED')) AS periods
            FROM indicator i LEFT JOIN organisation o ON o.id = i.owner_organisation_id
            WHERE i.id = ANY(?)""";

    private final DSLContext db;
    private final Indicators indicators;
    private final AreaDirectory areas;
    private final CharacteristicTypes characteristicTypes;

    Catalogue(DSLContext db, Indicators indicators, AreaDirectory areas, CharacteristicTypes characteristicTypes) {
        this.db = db;
        this.indicators = indicators;
        this.areas = areas;
        this.characteristicTypes = characteristicTypes;
    }

    /** The entries of the given indicators (by row id), one statement. */
    Map<Integer, CatalogueEntry> entries(Collection<Integer> indicatorDbIds) {
        Map<Integer, CatalogueEntry> result = new HashMap<>();
        for (var r : db.fetch(ENTRIES, (Object) indicatorDbIds.toArray(Integer[]::new))) {
            int id = r.get("id", Integer.class);
            String frequency = r.get("refresh_schedule", String.class);
            RefreshSchedule schedule = new RefreshSchedule(frequency == null ? null : RefreshFrequency.valueOf(frequency),
                    RefreshSchedule.parseLag(r.get("publication_lag", String.class)), r.get("next_due", java.time.LocalDate.class));
            result.put(id, new CatalogueEntry(id, r.get("owner_code", String.class), r.get("owner_name", String.class),
                    r.get("contact", String.class), List.of((String[]) r.get("topics")), schedule,
                    r.get("last_release", OffsetDateTime.class), List.of((String[]) r.get("area_types")),
                    Arrays.stream((String[]) r.get("periods")).map(Period::parse).toList()));
        }
        return result;
    }

    /**
     * A page of the indicators whose title, definition, id or a topic contains {@code search}, that
     * are broken down by the characteristic type {@code characteristic} and that exist at the area
     * type {@code areaType}; each criterion optional, all given must hold.
     *
     * @throws InvalidQueryException if the area type or characteristic type does not exist
     */
    Indicators.Page search(String search, String areaType, String characteristic, String afterSlug, int limit) {
        Condition matching = DSL.noCondition();
        if (search != null && !search.isBlank()) {
            String text = search.strip().toLowerCase(Locale.ROOT);
            matching = matching.and(DSL.lower(INDICATOR.TITLE).contains(text)
                    .or(DSL.lower(INDICATOR.DEFINITION).contains(text))
                    .or(INDICATOR.SLUG.contains(text))
                    .or(DSL.exists(DSL.selectOne().from(INDICATOR_TOPIC)
                            .where(INDICATOR_TOPIC.INDICATOR_ID.eq(INDICATOR.ID)).and(INDICATOR_TOPIC.TOPIC.contains(text)))));
        }
        if (characteristic != null) {
            if (characteristicTypes.byCodes(List.of(characteristic)).isEmpty()) {
                throw new InvalidQueryException("characteristic type '" + characteristic + "' does not exist; see characteristicTypes");
            }
            matching = matching.and(DSL.exists(DSL.selectOne().from(INDICATOR_CHARACTERISTIC_TYPE)
                    .join(CHARACTERISTIC_TYPE).on(CHARACTERISTIC_TYPE.ID.eq(INDICATOR_CHARACTERISTIC_TYPE.CHARACTERISTIC_TYPE_ID))
                    .where(INDICATOR_CHARACTERISTIC_TYPE.INDICATOR_ID.eq(INDICATOR.ID))
                    .and(CHARACTERISTIC_TYPE.CODE.eq(characteristic))));
        }
        if (areaType != null) {
            if (!areas.isAreaType(areaType)) {
                throw new InvalidQueryException("area type '" + areaType + "' does not exist; expected one of " + areas.areaTypeCodes());
            }
            matching = matching.and(DSL.exists(DSL.selectOne().from(RELEASE_AREA_TYPE)
                    .join(RELEASE).on(RELEASE.ID.eq(RELEASE_AREA_TYPE.RELEASE_ID))
                    .where(RELEASE.INDICATOR_ID.eq(INDICATOR.ID)).and(RELEASE.STATUS.eq("PUBLISHED"))
                    .and(RELEASE_AREA_TYPE.AREA_TYPE.eq(areaType))
                    .and(INDICATOR.MEASURE_TYPE.ne("NON_ADDITIVE").or(RELEASE.AREA_TYPE.eq(RELEASE_AREA_TYPE.AREA_TYPE)))));
        }
        return indicators.pageMatching(matching, afterSlug, limit);
    }
}
