package org.sightline.api.exports;

import java.util.List;
import org.sightline.api.characteristics.CharacteristicTypes.StoredType;
import org.sightline.api.geography.AreaDirectory;
import org.sightline.api.indicators.Indicators;
import org.sightline.api.indicators.StoredIndicator;
import org.sightline.domain.observation.AreaSelector;
import org.sightline.domain.observation.CharacteristicFilter;
import org.sightline.domain.observation.InvalidQueryException;
import org.sightline.domain.observation.ObservationQuery;
import org.sightline.domain.observation.PeriodSelector;
import org.sightline.domain.time.Period;

/**
 * The per-question cell limit for exports. An export is answered a chunk of areas at a time, so
 * the interactive limit ({@code sightline.privacy.max-cells-per-query}) bounds each chunk; the
 * whole export is bounded here instead, before anything is answered, by the most cells it can
 * have: areas x periods with data x breakdown value combinations. The bound is computed from the
 * question and the catalogue only, never from data, so a refusal says nothing about the data.
 */
final class ExportSize {

    private final AreaDirectory areas;
    private final Indicators indicators;
    private final long maxCells;

    ExportSize(AreaDirectory areas, Indicators indicators, long maxCells) {
        this.areas = areas;
        this.indicators = indicators;
        this.maxCells = maxCells;
    }

    /** Refuses the question if it could have more cells than the export limit. */
    void require(StoredIndicator indicator, ObservationQuery query) {
        long bound = bound(indicator, query);
        if (bound > maxCells) {
            throw new InvalidQueryException("the export could have up to " + bound + " rows (areas x periods x breakdown values), "
                    + "more than the " + maxCells + " an export may have: ask for fewer areas, periods or breakdowns, "
                    + "or export in parts");
        }
    }

    /** The most cells the question can have. */
    long bound(StoredIndicator indicator, ObservationQuery query) {
        return (long) areaCount(query.areas()) * periodCount(indicator, query.periods()) * combinations(indicator, query);
    }

    private int areaCount(AreaSelector selector) {
        if (selector.customGeography() != null) {
            return 1;
        }
        return selector.byCodes() ? selector.codes().size() : areas.countAt(selector.level(), selector.within());
    }

    private int periodCount(StoredIndicator indicator, PeriodSelector selector) {
        if (!selector.codes().isEmpty()) {
            return selector.codes().size();
        }
        if (selector.from() == null && selector.to() == null) {
            return 1;
        }
        List<Period> withData = indicators.periodsOf(List.of(indicator.dbId())).getOrDefault(indicator.dbId(), List.of());
        return (int) withData.stream()
                .filter(p -> selector.from() == null || !p.start().isBefore(selector.from().start()))
                .filter(p -> selector.to() == null || !p.start().isAfter(selector.to().start()))
                .count();
    }

    private static long combinations(StoredIndicator indicator, ObservationQuery query) {
        long combinations = 1;
        for (String code : query.breakdown()) {
            StoredType type = indicator.characteristicTypes().stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
            if (type == null) {
                continue; // the answer refuses an unknown breakdown type with its own message
            }
            long values = query.filter().stream().filter(f -> f.type().equals(code)).findFirst()
                    .map(CharacteristicFilter::values).map(List::size)
                    .orElse((int) type.values().stream().filter(v -> !v.total()).count());
            combinations *= values;
        }
        return combinations;
    }
}
