package org.sightline.api.completeness;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.sightline.api.characteristics.CharacteristicTypes;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.indicators.IndicatorCatalogue;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.domain.time.Period;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * GraphQL {@code completeness(indicator)}: for every release of the indicator, current or
 * superseded but not withdrawn (oldest first), and every characteristic type (in the order of {@code characteristicTypes}), the coverage
 * and share unknown stored when the release was published; types the indicator is not broken down
 * by are NOT_RECORDED. Numbers were derived from the public's protected totals, so every caller
 * sees the same.
 */
@Controller
class CompletenessGraphQlController {

    private final IndicatorCatalogue indicators;
    private final CharacteristicTypes characteristicTypes;
    private final ReleaseCompleteness completeness;
    private final DSLContext db;

    CompletenessGraphQlController(IndicatorCatalogue indicators, CharacteristicTypes characteristicTypes,
                                  ReleaseCompleteness completeness, DSLContext db) {
        this.indicators = indicators;
        this.characteristicTypes = characteristicTypes;
        this.completeness = completeness;
        this.db = db;
    }

    /** The GraphQL {@code Completeness}. */
    record Completeness(StoredType characteristicType, String release, int releaseVersion, OffsetDateTime publishedAt,
                        List<Period> periods, Coverage coverage, Double unknownPercent, Double unknownCount, Double totalCount,
                        String worstPeriod, Double worstPeriodUnknownPercent, String note) {
    }

    @QueryMapping
    List<Completeness> completeness(@Argument String indicator) {
        StoredIndicator stored = indicators.require(indicator);
        record Release(long id, int version, OffsetDateTime publishedAt, List<Period> periods) {
        }
        List<Release> releases = db.fetch("""
                SELECT r.id, r.version, r.published_at,
                       (SELECT coalesce(array_agg(p.code ORDER BY p.start_date), '{}') FROM release_period rp
                        JOIN period p ON p.id = rp.period_id WHERE rp.release_id = r.id) AS periods
                FROM release r WHERE r.indicator_id = ? AND r.status IN ('PUBLISHED', 'SUPERSEDED') ORDER BY r.version""", stored.dbId())
                .map(r -> new Release(r.get(0, Long.class), r.get(1, Integer.class), r.get(2, OffsetDateTime.class),
                        Arrays.stream((String[]) r.get(3)).map(Period::parse).toList()));
        Map<String, ReleaseCompleteness.StoredRow> rows = new HashMap<>();
        completeness.stored(releases.stream().map(Release::id).toList()).forEach(r -> rows.put(r.releaseId() + "|" + r.type(), r));
        List<String> own = stored.definition().characteristicTypes();
        List<Completeness> result = new ArrayList<>();
        for (Release release : releases) {
            for (StoredType type : characteristicTypes.all()) {
                ReleaseCompleteness.StoredRow row = rows.get(release.id() + "|" + type.code());
                if (!own.contains(type.code())) {
                    result.add(new Completeness(type, Long.toString(release.id()), release.version(), release.publishedAt(),
                            release.periods(), Coverage.NOT_RECORDED, null, null, null, null, null,
                            "the indicator is not broken down by " + type.code()));
                } else if (row == null) {
                    result.add(new Completeness(type, Long.toString(release.id()), release.version(), release.publishedAt(),
                            release.periods(), Coverage.RECORDED, null, null, null, null, null,
                            "broken down by " + type.code() + "; the share unknown was not computed (published before completeness was "
                                    + "recorded, and a newer release covers its periods)"));
                } else {
                    result.add(new Completeness(type, Long.toString(release.id()), release.version(), release.publishedAt(),
                            release.periods(), row.coverage(), row.unknownPercent(), row.unknownCount(), row.totalCount(),
                            row.worstPeriod(), row.worstPeriodUnknownPercent(), row.note()));
                }
            }
        }
        return result;
    }
}
