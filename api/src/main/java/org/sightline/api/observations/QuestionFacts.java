package org.sightline.api.observations;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.sightline.api.geography.AreaDirectory.AreaGrain;
import org.springframework.stereotype.Repository;

/**
 * Everything the planner may know before reading any observation, in ONE statement: from the
 * catalogue, the area types the indicator's published releases are stored at and exist at (V13's
 * {@code release_area_type}), the periods they cover and its characteristic types marked as
 * functions of the area; from the geography, the areas the question is about with what they are made of. Nothing here depends on which cells
 * hold data, so a refusal made from it says nothing about the data. They change only with the
 * {@link org.sightline.api.versions.DataVersion data version}, so the planner keeps them per version.
 */
@Repository
class QuestionFacts {

    private static final String CATALOGUE = """
            WITH g AS MATERIALIZED (%s)
            SELECT (SELECT coalesce(array_agg(DISTINCT r.area_type), '{}') FROM release r
                    WHERE r.indicator_id = ? AND %s) AS stored_types,
                   (SELECT coalesce(array_agg(p.code ORDER BY p.start_date, p.end_date), '{}') FROM period p
                    WHERE p.id IN (SELECT rp.period_id FROM release_period rp JOIN release r ON r.id = rp.release_id
                                   WHERE r.indicator_id = ? AND %2$s)) AS periods,
                   %s AS as_of_version,
                   (SELECT coalesce(array_agg(t.code), '{}') FROM indicator_characteristic_type ict
                    JOIN characteristic_type t ON t.id = ict.characteristic_type_id
                    WHERE ict.indicator_id = ? AND t.area_derived) AS area_derived,
                   (SELECT coalesce(array_agg(DISTINCT rat.area_type), '{}') FROM release_area_type rat
                    JOIN release r ON r.id = rat.release_id
                    WHERE r.indicator_id = ? AND %2$s) AS available_types,
                   %s AS within_exists,
                   (SELECT coalesce(array_agg(g.code ORDER BY g.code), '{}') FROM g) AS grain_codes,
                   (SELECT coalesce(array_agg(g.area_type ORDER BY g.code), '{}') FROM g) AS grain_types,
                   (SELECT coalesce(array_agg(coalesce(g.composed_of, '') ORDER BY g.code), '{}') FROM g) AS grain_composition,
                   (SELECT coalesce(array_agg(g.areas ORDER BY g.code), '{}') FROM g) AS grain_areas""";

    /** The version of the release a question is asked as of, when it is one of the indicator's and not withdrawn. */
    private static final String AS_OF_VERSION =
            "(SELECT a.version FROM release a WHERE a.id = %d AND a.indicator_id = %d AND a.status <> 'WITHDRAWN')";

    private static final String BY_CODES = "SELECT a.code, a.area_type, a.composed_of, 1 AS areas FROM area a WHERE a.code = ANY(?)";

    private static final String AT_LEVEL = """
            SELECT min(a.code) AS code, a.area_type, a.composed_of, count(*) AS areas FROM area a
            WHERE a.area_type = ? %s GROUP BY a.area_type, a.composed_of""";

    private static final String WITHIN = """
            AND a.id IN (SELECT c.descendant_id FROM area_closure c JOIN area w ON w.id = c.ancestor_id WHERE w.code = ?)""";

    private final DSLContext db;

    QuestionFacts(DSLContext db) {
        this.db = db;
    }

    /**
     * @param storedAreaTypes  the area types the indicator's published releases hold cells at
     * @param periodCodes      the periods with published data, oldest first
     * @param areaDerivedTypes codes of the indicator's characteristic types whose value is a function of the area
     * @param availableTypes   the area types the published releases exist at: stored and every type their areas roll up to
     * @param withinExists     whether the question's {@code within} area exists (true when there is none)
     * @param areas            the distinct grains of the question's areas, with how many areas have each
     * @param asOfVersion      the version of the release asked as of; null when asked of the current data, or when
     *                         the indicator has no such release (or it was withdrawn)
     */
    record Facts(List<String> storedAreaTypes, List<String> periodCodes, Set<String> areaDerivedTypes, Set<String> availableTypes,
                 boolean withinExists, List<GrainCount> areas, Integer asOfVersion) {

        int areaCount() {
            return areas.stream().mapToInt(GrainCount::areas).sum();
        }
    }

    /** A grain, one area that has it, and how many of the question's areas have it. */
    record GrainCount(AreaGrain grain, int areas) {
    }

    /**
     * @param asOfRelease the release the question is asked as of (the stored types and periods are
     *                    then those of the releases up to it); null for the current data
     */
    Facts read(int indicatorDbId, ResolvedQuery.AreaTarget target, Long asOfRelease) {
        // Bindings in the order of the statement: the areas' grains (the CTE), the catalogue, whether within exists.
        List<Object> bindings = new ArrayList<>();
        String withinExists = "true";
        String grains;
        if (!target.codes().isEmpty()) {
            grains = BY_CODES;
            bindings.add(target.codes().toArray(String[]::new));
        } else {
            grains = AT_LEVEL.formatted(target.within() == null ? "" : WITHIN);
            bindings.add(target.level());
            if (target.within() != null) {
                bindings.add(target.within());
            }
        }
        bindings.addAll(List.of(indicatorDbId, indicatorDbId, indicatorDbId, indicatorDbId));
        if (target.codes().isEmpty() && target.within() != null) {
            withinExists = "EXISTS (SELECT 1 FROM area WHERE code = ?)";
            bindings.add(target.within());
        }
        // Release ids and versions are numbers the planner parsed, never caller text, so they are written inline.
        String asOfVersion = asOfRelease == null ? "NULL::integer" : AS_OF_VERSION.formatted(asOfRelease, indicatorDbId);
        String releaseSet = asOfRelease == null ? "r.status = 'PUBLISHED'"
                : "r.status IN ('PUBLISHED', 'SUPERSEDED') AND r.version <= " + asOfVersion;
        var r = db.fetchOne(CATALOGUE.formatted(grains, releaseSet, asOfVersion, withinExists), bindings.toArray());
        String[] codes = (String[]) r.get("grain_codes");
        String[] types = (String[]) r.get("grain_types");
        String[] composition = (String[]) r.get("grain_composition");
        Object[] counts = (Object[]) r.get("grain_areas");
        List<GrainCount> areas = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            areas.add(new GrainCount(new AreaGrain(codes[i], types[i], composition[i].isEmpty() ? null : composition[i]),
                    ((Number) counts[i]).intValue()));
        }
        return new Facts(List.of((String[]) r.get("stored_types")), List.of((String[]) r.get("periods")),
                Set.of((String[]) r.get("area_derived")), Set.of((String[]) r.get("available_types")), (Boolean) r.get("within_exists"),
                List.copyOf(areas), (Integer) r.get("as_of_version"));
    }
}
