package org.sightline.api.observations;

import java.util.ArrayList;
import java.util.List;
import org.sightline.domain.indicator.IndicatorDefinition;
import org.sightline.domain.observation.IndicatorValue;
import org.sightline.domain.observation.RolledUpCell;
import org.sightline.domain.observation.ValueInterval;
import org.sightline.domain.statistics.ConfidenceLevel;
import org.sightline.domain.statistics.IntervalEstimate;
import org.sightline.privacy.DisclosurePolicy;
import org.sightline.privacy.DisclosureStatus;
import org.sightline.privacy.ProtectedCell;
import org.sightline.privacy.TableCell;
import org.sightline.privacy.noise.CellIdentity;

/**
 * Turns protected cells into the observations that leave the service: the value and its
 * intervals are derived from the protected numerator and denominator, never from true values.
 * Also applies the cell-by-cell treatments (exact, noise), keyed for consistent noise.
 */
final class Publication {

    private Publication() {
    }

    /** Applies a cell-by-cell disclosure policy (EXACT or NOISE) and publishes the result. */
    static List<PublishedObservation> cellByCell(IndicatorDefinition definition, List<RolledUpCell> cells, DisclosurePolicy policy) {
        List<TableCell> table = new ArrayList<>(cells.size());
        for (RolledUpCell cell : cells) {
            List<String> coordinates = new ArrayList<>();
            coordinates.add(cell.area().code());
            coordinates.add(cell.period().code());
            cell.characteristics().forEach(c -> coordinates.add(c.type() + "=" + c.code()));
            table.add(new TableCell(coordinates, cell.count(), cell.denominator(), noiseIdentity(definition.id(), cell)));
        }
        return of(definition, cells, policy.protect(table));
    }

    /**
     * What seeds a cell's noise: the indicator, the release, the period and the exact set of stored
     * cells summed. The period is part of it because one release can cover several years, and two
     * years with the same noise would have an exact difference.
     */
    static CellIdentity noiseIdentity(String indicatorId, RolledUpCell cell) {
        return new CellIdentity(indicatorId, Long.toString(cell.releaseId()),
                List.of("period=" + cell.period().code(), "cells=" + (cell.baseCellsDigest() == null ? "not-keyed" : cell.baseCellsDigest())));
    }

    /** The observations of {@code cells} as protected by {@code protectedCells} (same order). */
    static List<PublishedObservation> of(IndicatorDefinition definition, List<RolledUpCell> cells, List<ProtectedCell> protectedCells) {
        List<PublishedObservation> published = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            RolledUpCell cell = cells.get(i);
            ProtectedCell safe = protectedCells.get(i);
            boolean unchanged = safe.disclosure().status() == DisclosureStatus.EXACT;
            // A stored value (a score, or a supplier's own rate) is released only where the cell is
            // one stored cell and the policy released it exactly; otherwise it is recomputed.
            Double value = IndicatorValue.of(definition.measureType(), definition.multiplier(), safe.count(), safe.denominator(),
                    unchanged ? cell.storedValue() : null);
            // The supplier's own interval where the cell is theirs, unchanged; otherwise computed
            // from the released numerator and denominator (never from true values), widened by the
            // noise of the estimator where the numbers are noisy.
            boolean supplied = unchanged && cell.baseCells() == 1 && cell.storedLowerCi() != null && cell.storedUpperCi() != null;
            Double lower;
            Double upper;
            String method;
            if (supplied) {
                lower = cell.storedLowerCi();
                upper = cell.storedUpperCi();
                method = "SUPPLIED";
            } else {
                IntervalEstimate interval = ValueInterval.withNoise(definition.measureType(), definition.multiplier(), safe.count(),
                        safe.denominator(), safe.countNoiseSd(), safe.denominatorNoiseSd(), ConfidenceLevel.NINETY_FIVE);
                lower = interval == null ? null : interval.lower();
                upper = interval == null ? null : interval.upper();
                method = interval == null ? null : interval.method().name();
            }
            IntervalEstimate interval998 = ValueInterval.withNoise(definition.measureType(), definition.multiplier(), safe.count(),
                    safe.denominator(), safe.countNoiseSd(), safe.denominatorNoiseSd(), ConfidenceLevel.NINETY_NINE_POINT_EIGHT);
            published.add(new PublishedObservation(cell.area(), cell.period(), cell.characteristics(), value,
                    safe.count(), safe.denominator(), lower, upper, method, interval998, safe.disclosure()));
        }
        return published;
    }
}
