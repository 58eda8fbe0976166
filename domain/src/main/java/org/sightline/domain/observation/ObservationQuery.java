package org.sightline.domain.observation;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A question about one indicator: which areas, which periods, which characteristic types to break
 * the answer down by (every other type is totalled) and which characteristic values to keep.
 * Validated on construction, so code that receives one can trust its shape.
 *
 * @param asOf the release to read as of (the data as it stood once that release was published,
 *             leaving out releases withdrawn since); null for the current data
 */
public record ObservationQuery(
        String indicator,
        AreaSelector areas,
        PeriodSelector periods,
        List<String> breakdown,
        List<CharacteristicFilter> filter,
        Long asOf) {

    /** A question about the current data. */
    public ObservationQuery(String indicator, AreaSelector areas, PeriodSelector periods, List<String> breakdown,
                            List<CharacteristicFilter> filter) {
        this(indicator, areas, periods, breakdown, filter, null);
    }

    public ObservationQuery {
        if (asOf != null && asOf <= 0) {
            throw new InvalidQueryException("asOf must be a release id (a positive whole number)");
        }
        if (indicator == null || indicator.isBlank()) {
            throw new InvalidQueryException("indicator is required");
        }
        Objects.requireNonNull(areas, "areas");
        periods = periods == null ? PeriodSelector.LATEST : periods;
        breakdown = breakdown == null ? List.of() : List.copyOf(breakdown);
        filter = filter == null ? List.of() : List.copyOf(filter);
        if (new HashSet<>(breakdown).size() != breakdown.size()) {
            throw new InvalidQueryException("breakdown lists a characteristic type twice: " + breakdown);
        }
        Set<String> filtered = new HashSet<>();
        for (CharacteristicFilter f : filter) {
            if (!filtered.add(f.type())) {
                throw new InvalidQueryException("filter lists characteristic type '" + f.type() + "' twice");
            }
        }
    }
}
